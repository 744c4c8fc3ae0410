using System;
using System.IO;
using DurableLoggingProvider.Benchmarks.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Buffering;

/// <summary>Ours as <see cref="OursSetup"/> builds it, JSON to a stream, with Debug let through and buffering or sampling set as a benchmark asks.</summary>
internal static class BufferedSetup
{
    public static ServiceProvider Build(Stream output, Action<DurableLoggerOptions> configure) =>
        OursSetup.Build(output, DurableLogFormat.Json, LogLevel.Debug, configure);
}
