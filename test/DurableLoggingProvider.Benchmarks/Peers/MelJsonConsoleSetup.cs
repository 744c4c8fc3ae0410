using System.IO;
using System.Linq;
using DurableLoggingProvider.Benchmarks.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// Microsoft.Extensions.Logging's JSON console output, what .NET gives by default: <c>AddJsonConsole</c>
/// with scopes and a UTC timestamp, its <c>"json"</c> <see cref="ConsoleFormatter"/> resolved from the
/// services and written synchronously by <see cref="ConsoleFormatterLoggerProvider"/> in place of the
/// console provider.
/// </summary>
internal static class MelJsonConsoleSetup
{
    public static ServiceProvider Build(Stream output)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddJsonConsole(ConfigureFormatter));
        services.RemoveAll<ILoggerProvider>();
        services.AddSingleton<ILoggerProvider>(provider => new ConsoleFormatterLoggerProvider(
            provider.GetServices<ConsoleFormatter>().Single(formatter => formatter.Name == ConsoleFormatterNames.Json),
            TextOutput.Writer(output)));
        return services.BuildServiceProvider();
    }

    /// <summary>The JSON formatter's options every comparison uses: scopes on, and a UTC timestamp as the other loggers write.</summary>
    public static void ConfigureFormatter(JsonConsoleFormatterOptions options)
    {
        options.IncludeScopes = true;
        options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        options.UseUtcTimestamp = true;
    }
}
