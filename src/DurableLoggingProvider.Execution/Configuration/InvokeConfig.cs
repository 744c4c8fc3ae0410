namespace DurableLoggingProvider.Execution;

/// <summary>A chained invoke's settings.</summary>
public sealed class InvokeConfig
{
    /// <summary>The tenant to invoke a tenant-isolated function for.</summary>
    public string? TenantId { get; init; }
}
