namespace DurableLoggingProvider.Execution;

/// <summary>Options of a <c>CHAINED_INVOKE</c> update.</summary>
public sealed class ChainedInvokeOptions
{
    /// <summary>The function to invoke: a qualified name or ARN.</summary>
    public string? FunctionName { get; set; }

    /// <summary>The tenant to invoke the function for.</summary>
    public string? TenantId { get; set; }
}
