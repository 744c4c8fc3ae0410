using System.IO;
using Microsoft.Extensions.DependencyInjection;
using NLog;
using NLog.Config;
using NLog.Extensions.Logging;
using NLog.Layouts;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// NLog behind Microsoft.Extensions.Logging (NLog.Extensions.Logging's <c>AddNLog</c>) with its own
/// <see cref="LogFactory"/>, writing a <see cref="JsonLayout"/> (timestamp, level, category, message, the
/// event's properties and the scope's properties) through <see cref="Utf8StreamTarget"/>.
/// </summary>
internal static class NLogJsonSetup
{
    public static ServiceProvider Build(Stream output)
    {
        var layout = new JsonLayout
        {
            Attributes =
            {
                new JsonAttribute("timestamp", "${date:format=o:universalTime=true}"),
                new JsonAttribute("level", "${level:upperCase=true}"),
                new JsonAttribute("category", "${logger}"),
                new JsonAttribute("message", "${message}"),
            },
            IncludeEventProperties = true,
            IncludeScopeProperties = true,
        };
        var logFactory = new LogFactory();
        var configuration = new LoggingConfiguration(logFactory);
        configuration.AddRuleForAllLevels(new Utf8StreamTarget(output) { Layout = layout });
        logFactory.Configuration = configuration;

        var services = new ServiceCollection();
        services.AddSingleton(_ => logFactory);
        services.AddLogging(builder => builder.AddNLog(provider => provider.GetRequiredService<LogFactory>()));
        return services.BuildServiceProvider();
    }
}
