using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider;

/// <summary>
/// Registers the logger factory in place of the default one: the same <see cref="LoggerFactory"/>, built over
/// the providers as the <see cref="ProviderGate"/> gives them. Providers registered after <c>AddDurableLogging</c>
/// are gated too: the list is taken when the factory is first resolved. A factory the application registered
/// itself (Serilog's <c>UseSerilog</c>, for one) is left as it is.
/// </summary>
internal static class GatedLoggerFactory
{
    private static readonly Func<IServiceProvider, object> s_create = Create;

    public static void Register(IServiceCollection services)
    {
        var current = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(ILoggerFactory) && !descriptor.IsKeyedService);
        if (current is null || current.ImplementationType != typeof(LoggerFactory))
        {
            // Already ours (AddDurableLogging called again), or the application's own factory.
            return;
        }

        services.Replace(ServiceDescriptor.Singleton(typeof(ILoggerFactory), s_create));
        services.TryAddSingleton(static provider => new ProviderGate(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<DurableLoggerOptions>>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LoggerFilterOptions>, WrapperPassThroughRules>());
    }

    private static LoggerFactory Create(IServiceProvider provider) => new(
        provider.GetRequiredService<ProviderGate>().Providers,
        provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
        provider.GetService<IOptions<LoggerFactoryOptions>>(),
        provider.GetService<IExternalScopeProvider>());
}
