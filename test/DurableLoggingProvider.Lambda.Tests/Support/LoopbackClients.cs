using System;
using System.Net.Http;
using System.Threading;
using Amazon.Runtime;

namespace DurableLoggingProvider.Lambda.Tests;

/// <summary>Clients of the loopback API, signed with its test credentials (or a wrong secret), on a recording clock.</summary>
internal static class LoopbackClients
{
    public const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:1/durable-execution/order-42/inv-1";

    public static LambdaDurableServiceClient Create(
        LoopbackDurableApi api, RecordingRetryClock clock, Action<LambdaDurableServiceOptions>? configure = null, string secretKey = LoopbackDurableApi.SecretKey)
    {
        var options = new LambdaDurableServiceOptions
        {
            Endpoint = api.Endpoint,
            Region = LoopbackDurableApi.Region,
            Credentials = new SessionAWSCredentials(LoopbackDurableApi.AccessKey, secretKey, LoopbackDurableApi.SessionToken),
            TimeProvider = clock.Time,
        };
        configure?.Invoke(options);
        var http = new HttpClient(LambdaDurableServiceClient.CreateSigningHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
        return new LambdaDurableServiceClient(http, options, _ => null, clock.Clock);
    }

    /// <summary>An invocation that ends <paramref name="remaining"/> after the clock's now.</summary>
    public static LambdaInvocation InvocationEndingIn(RecordingRetryClock clock, TimeSpan remaining) =>
        new("3f1c7c2e-0000-4000-8000-000000000001") { Deadline = clock.Time.GetUtcNow() + remaining };
}
