using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>Ours, set up as an application does: <c>AddLogging</c> with <c>AddDurableLogging</c>, and the sink replaced.</summary>
internal static class OursSetup
{
    /// <summary>The services of ours writing lines in <paramref name="format"/> to <paramref name="sink"/>.</summary>
    /// <param name="sink">Where records go.</param>
    /// <param name="format">JSON or Text.</param>
    /// <param name="minimumLevel">The level below which the logger factory filters calls out.</param>
    /// <param name="configure">Further options a benchmark sets, after the format.</param>
    public static ServiceProvider Build(ILogSink sink, DurableLogFormat format, LogLevel minimumLevel = LogLevel.Information, Action<DurableLoggerOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(sink);
        services.AddLogging(builder => builder
            .SetMinimumLevel(minimumLevel)
            .AddDurableLogging(options =>
            {
                options.Format = format;
                configure?.Invoke(options);
            }));
        return services.BuildServiceProvider();
    }

    /// <summary>The services of ours writing lines in <paramref name="format"/> to <paramref name="output"/> through its standard output sink.</summary>
    /// <param name="output">The stream the standard output sink writes to.</param>
    /// <param name="format">JSON or Text.</param>
    /// <param name="minimumLevel">The level below which the logger factory filters calls out.</param>
    /// <param name="configure">Further options a benchmark sets, after the format.</param>
    public static ServiceProvider Build(Stream output, DurableLogFormat format, LogLevel minimumLevel = LogLevel.Information, Action<DurableLoggerOptions>? configure = null) =>
        Build(new StandardOutputSink(output), format, minimumLevel, configure);
}
