using System;
using System.Net.Http;
using System.Threading;
using Amazon.Runtime;
using DurableLoggingProvider.Conformance.Tests.Proxy;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Lambda;

namespace DurableLoggingProvider.Conformance.Tests.Harness;

/// <summary>The client of one run, of the kind asked for, pointed at the proxy's loopback REST front; owns its <see cref="HttpClient"/>.</summary>
internal sealed class ConformanceServiceClient : IDisposable
{
    /// <summary>The fixed test credentials the Lambda client signs with (the proxy checks that requests are signed, not the signature).</summary>
    public const string AccessKey = "AKIDCONFORMANCEEXAMPLE";

    /// <summary>The region the Lambda client signs for: the one in the event's execution ARN (mapping 1).</summary>
    public const string Region = "us-east-2";

    private const string SecretKey = "conformance-test-secret-not-a-real-key";

    private readonly HttpClient _http;

    private ConformanceServiceClient(HttpClient http, IDurableServiceClient client)
    {
        _http = http;
        Client = client;
    }

    /// <summary>The client the engine's calls go through.</summary>
    public IDurableServiceClient Client { get; }

    /// <summary>Creates the client of <paramref name="kind"/> for the proxy at <paramref name="proxy"/>.</summary>
    public static ConformanceServiceClient Create(ServiceClientKind kind, Uri proxy)
    {
        if (kind == ServiceClientKind.Direct)
        {
            var direct = new HttpClient { BaseAddress = proxy };
            return new ConformanceServiceClient(direct, new ProxyServiceClient(direct));
        }

        var options = new LambdaDurableServiceOptions
        {
            Endpoint = proxy,
            Region = Region,
            Credentials = new BasicAWSCredentials(AccessKey, SecretKey),
        };
        var signed = new HttpClient(LambdaDurableServiceClient.CreateSigningHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new ConformanceServiceClient(signed, new LambdaDurableServiceClient(signed, options));
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
