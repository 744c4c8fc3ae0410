using System;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Startup;

/// <summary>
/// Start-up: the wall time of a whole process (host start, runtime, JIT, registration, one line written to
/// standard output, disposal, exit) that logs with ours, against the same process logging with
/// Microsoft.Extensions.Logging's console provider and its JSON formatter. Each invocation starts this
/// executable again in its <c>startup-probe</c> mode and waits for it; one process per iteration, so the
/// median over the iterations is the figure to read. Allocations are the parent's, not the probe's.
/// </summary>
[ProcessStartJob]
[MedianColumn]
public class StartupBenchmarks
{
    [GlobalSetup]
    public void Setup()
    {
        RequireOneLine(StartupProbe.Durable);
        RequireOneLine(StartupProbe.Console);
    }

    [Benchmark(Baseline = true, Description = "DurableLoggingProvider")]
    public string Ours() => ProbeProcess.Run(StartupProbe.Durable);

    [Benchmark(Description = "MEL console, JSON formatter")]
    public string MelConsole() => ProbeProcess.Run(StartupProbe.Console);

    /// <summary>Requires the probe to write exactly one JSON line with the message and the durable fields.</summary>
    private static void RequireOneLine(string provider)
    {
        var lines = ProbeProcess.Run(provider).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != 1)
        {
            throw SanityChecks.Failed($"The {provider} start-up probe wrote {lines.Length} lines: {string.Join(" | ", lines)}");
        }

        LineCheck.RequireJson(lines[0].TrimEnd('\r'), $"The {provider} start-up probe");
    }
}
