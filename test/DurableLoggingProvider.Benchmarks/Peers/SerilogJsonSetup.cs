using System.IO;
using DurableLoggingProvider.Benchmarks.Workload;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Formatting.Json;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// Serilog behind Microsoft.Extensions.Logging (Serilog.Extensions.Logging's <c>AddSerilog</c>), writing each
/// event with its <see cref="JsonFormatter"/> (message rendered). Scopes reach the events through the
/// provider's own scope enrichment; dictionary scopes become properties.
/// </summary>
internal static class SerilogJsonSetup
{
    public static ServiceProvider Build(Stream output)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Sink(new JsonTextWriterSink(new JsonFormatter(renderMessage: true), TextOutput.Writer(output)))
            .CreateLogger();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddSerilog(logger, dispose: true));
        return services.BuildServiceProvider();
    }
}
