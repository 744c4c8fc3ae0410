using System;
using DurableLoggingProvider;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Logging;

/// <summary>Registers the durable logging provider on an <see cref="ILoggingBuilder"/>.</summary>
public static class DurableLoggingBuilderExtensions
{
    /// <summary>
    /// Adds the durable logging provider: Lambda-native lines with the durable execution's context, and
    /// the replay gate, for every <see cref="ILogger"/> in the application. Options bind from
    /// <c>Logging:Durable</c>; calling this more than once registers one provider.
    /// </summary>
    /// <remarks>
    /// Every other provider of the logger factory (Console, Serilog, NLog, OpenTelemetry, …, registered before
    /// or after this call) is gated by the same decision, and gets the durable fields as a scope; its filter
    /// rules apply as before. <see cref="DurableLoggerOptions.UngatedProviders"/> leaves a provider alone. A
    /// logger factory registered in place of the default one is not gated.
    /// Records go to standard output unless an <see cref="ILogSink"/> is registered in the service
    /// collection; timestamps come from the registered <see cref="TimeProvider"/>, if any.
    /// </remarks>
    /// <param name="builder">The logging builder.</param>
    /// <param name="configure">Sets options in code, after the configuration is bound.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ILoggingBuilder AddDurableLogging(this ILoggingBuilder builder, Action<DurableLoggerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConfiguration();

        var services = builder.Services;
        services.TryAddSingleton<ILogSink, StandardOutputSink>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, DurableLoggerProvider>(static provider => new DurableLoggerProvider(
            provider.GetRequiredService<IOptionsMonitor<DurableLoggerOptions>>(),
            provider.GetRequiredService<ILogSink>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<IOptionsMonitor<LoggerFilterOptions>>()?.CurrentValue)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<DurableLoggerOptions>, DurableLoggerConfigureOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<DurableLoggerOptions>, LoggerProviderOptionsChangeTokenSource<DurableLoggerOptions, DurableLoggerProvider>>());

        GatedLoggerFactory.Register(services);

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }
}
