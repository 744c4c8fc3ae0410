using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>Each real provider the gate is tested with, as a test case that makes a fresh capture.</summary>
public static class ProviderCaptures
{
    public static IEnumerable<TestCaseData> All()
    {
        yield return Case("simple console", () => new SimpleConsoleCapture());
        yield return Case("JSON console", () => new JsonConsoleCapture());
        yield return Case("Serilog", () => new SerilogCapture());
        yield return Case("NLog", () => new NLogCapture());
        yield return Case("OpenTelemetry", () => new OpenTelemetryCapture());
        yield return Case("FakeLogger", () => new FakeLoggerCapture());
    }

    private static TestCaseData Case(string name, Func<IProviderCapture> create) =>
        new TestCaseData(create).SetArgDisplayNames(name);
}
