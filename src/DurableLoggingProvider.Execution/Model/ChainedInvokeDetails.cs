namespace DurableLoggingProvider.Execution;

/// <summary>Details of a <c>CHAINED_INVOKE</c> operation.</summary>
public sealed class ChainedInvokeDetails
{
    /// <summary>The invoked function's result, as serialized JSON text.</summary>
    public string? Result { get; set; }

    /// <summary>The invoked function's error, when it failed.</summary>
    public ErrorObject? Error { get; set; }
}
