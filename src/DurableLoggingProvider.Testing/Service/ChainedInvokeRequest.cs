namespace DurableLoggingProvider.Testing;

/// <summary>What a chained invoke asked the service to run.</summary>
/// <param name="FunctionName">The function to invoke.</param>
/// <param name="TenantId">The tenant to invoke it for.</param>
/// <param name="Payload">The input, as JSON text.</param>
public sealed record ChainedInvokeRequest(string? FunctionName, string? TenantId, string? Payload);
