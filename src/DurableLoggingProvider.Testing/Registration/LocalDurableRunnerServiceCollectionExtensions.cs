using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using DurableLoggingProvider;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the local runner with an application's own services, so that it runs workflows with their loggers.</summary>
public static class LocalDurableRunnerServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="LocalDurableRunner"/> (a singleton: resolve it) on these services' logger factory, and
    /// the durable logging provider with a <see cref="RecordingLogSink"/> in place of standard output, so that the
    /// runner records every line any logger of these services writes: the start-up lines written before a run
    /// (by the host, the application's start-up, anything outside the handler), which each result holds in
    /// <see cref="LocalRunResult{T}.StartupLines"/> and <see cref="LocalRunnerOptions.Output"/> prints before the
    /// first <c>START</c>, and every invocation's lines.
    /// </summary>
    /// <remarks>
    /// The line format, levels and replay mode are the application's logging configuration (<c>Logging:Durable</c>);
    /// <see cref="LocalRunnerOptions.LogFormat"/> does not apply. The sink is also registered as
    /// <see cref="RecordingLogSink"/>, and takes the place of any <see cref="ILogSink"/> registered before.
    /// </remarks>
    /// <param name="services">The application's services.</param>
    /// <param name="options">How to run, without <see cref="LocalRunnerOptions.LoggerFactory"/>, <see cref="LocalRunnerOptions.Sink"/> or <see cref="LocalRunnerOptions.ConfigureLogging"/>, which come from the services.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> sets the logger factory, the sink or the logging configuration.</exception>
    [RequiresUnreferencedCode("Without LocalRunnerOptions.Serializer, the runner serializes by reflection.")]
    [RequiresDynamicCode("Without LocalRunnerOptions.Serializer, the runner serializes by reflection.")]
    public static IServiceCollection AddLocalDurableRunner(this IServiceCollection services, LocalRunnerOptions? options = null)
    {
        options ??= new LocalRunnerOptions();
        return services.AddLocalDurableRunner(options, options.Serializer ?? JsonDurableSerializer.ReflectionBased());
    }

    /// <summary>
    /// Registers a <see cref="LocalDurableRunner"/> with an explicit serializer (trim-safe), as
    /// <see cref="AddLocalDurableRunner(IServiceCollection, LocalRunnerOptions?)"/> does.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="options">How to run, without <see cref="LocalRunnerOptions.LoggerFactory"/>, <see cref="LocalRunnerOptions.Sink"/> or <see cref="LocalRunnerOptions.ConfigureLogging"/>, which come from the services.</param>
    /// <param name="serializer">The serializer of the input, results and checkpointed values.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> sets the logger factory, the sink or the logging configuration.</exception>
    /// <exception cref="InvalidOperationException">A runner is already registered on these services.</exception>
    public static IServiceCollection AddLocalDurableRunner(this IServiceCollection services, LocalRunnerOptions options, IDurableSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        if (options.LoggerFactory is not null || options.Sink is not null || options.ConfigureLogging is not null)
        {
            throw new ArgumentException(
                "AddLocalDurableRunner takes the logger factory and the recording sink from the services it is added to: leave LocalRunnerOptions.LoggerFactory, " +
                "Sink and ConfigureLogging unset, and configure logging on the services (AddLogging, Logging:Durable in configuration).",
                nameof(options));
        }

        if (services.Any(service => service.ServiceType == typeof(LocalDurableRunner)))
        {
            throw new InvalidOperationException("AddLocalDurableRunner was called twice on these services: register one runner, with all its options in one LocalRunnerOptions.");
        }

        services.AddDurableLogging();
        services.RemoveAll<ILogSink>();
        services.TryAddSingleton<RecordingLogSink>();
        services.AddSingleton<ILogSink>(static provider => provider.GetRequiredService<RecordingLogSink>());
        services.AddSingleton(provider => new LocalDurableRunner(
            options, serializer, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<RecordingLogSink>()));
        return services;
    }
}
