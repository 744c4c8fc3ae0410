using System;
using System.Net.Http;
using System.Threading;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Lambda;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Lambda durable execution API client with dependency injection and <c>IHttpClientFactory</c>.</summary>
public static class DurableServiceClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LambdaDurableServiceClient"/> as the <see cref="IDurableServiceClient"/> singleton, over the
    /// named <c>IHttpClientFactory</c> client <see cref="LambdaDurableServiceClient.HttpClientName"/> whose primary handler
    /// signs with SigV4 (<see cref="LambdaDurableServiceClient.CreateSigningHandler"/>). Handlers added to the returned
    /// builder run before signing, as AWSSDK.Core requires of anything that changes or resends a request.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the endpoint, region, credentials or retry settings; <see langword="null"/> for the environment's.</param>
    /// <returns>The HTTP client's builder, to add handlers to.</returns>
    public static IHttpClientBuilder AddDurableServiceClient(this IServiceCollection services, Action<LambdaDurableServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<LambdaDurableServiceOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        // The client is a singleton holding one HttpClient; the primary handler renews its connections itself
        // (PooledConnectionLifetime), so the factory need not rotate it.
        var builder = services.AddHttpClient(LambdaDurableServiceClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => LambdaDurableServiceClient.CreateSigningHandler(provider.GetRequiredService<IOptions<LambdaDurableServiceOptions>>().Value))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IDurableServiceClient>(provider => new LambdaDurableServiceClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(LambdaDurableServiceClient.HttpClientName),
            provider.GetRequiredService<IOptions<LambdaDurableServiceOptions>>().Value));
        return builder;
    }
}
