using System;
using DurableLoggingProvider;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the durable logging provider on an <see cref="IServiceCollection"/>.</summary>
public static class DurableLoggingServiceCollectionExtensions
{
    /// <summary>
    /// Adds logging with the durable logging provider: Lambda-native lines with the durable execution's
    /// context, and the replay gate, for every <see cref="ILogger"/> resolved from these services.
    /// Calling this more than once registers one provider.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code, after the configuration is bound.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddDurableLogging(this IServiceCollection services, Action<DurableLoggerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddLogging(builder => builder.AddDurableLogging(configure));
    }
}
