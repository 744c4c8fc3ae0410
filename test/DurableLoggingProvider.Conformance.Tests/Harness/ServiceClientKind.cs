namespace DurableLoggingProvider.Conformance.Tests.Harness;

/// <summary>
/// Which <c>IDurableServiceClient</c> the engine is given for a run. Both speak the Lambda API's REST paths
/// to the proxy, which forwards every call to AWS's checkpoint server; every workflow fixture runs once with each.
/// </summary>
public enum ServiceClientKind
{
    /// <summary>The test project's own thin client (<c>Proxy/ProxyServiceClient</c>): unsigned, no retries.</summary>
    Direct,

    /// <summary>
    /// The shipped HTTP client, <c>LambdaDurableServiceClient</c> of <c>src/DurableLoggingProvider.Lambda</c>, pointed at
    /// the proxy by its endpoint option: SigV4-signed with fixed test credentials, the ARN encoded in the path,
    /// epoch-second answers, a <c>ClientToken</c> on each checkpoint, its own retries.
    /// </summary>
    Lambda,
}
