namespace DurableLoggingProvider.Execution;

/// <summary>Details of a <c>CONTEXT</c> operation.</summary>
public sealed class ContextDetails
{
    /// <summary>The context's result, as serialized JSON text.</summary>
    public string? Result { get; set; }

    /// <summary>The context's error, when it failed.</summary>
    public ErrorObject? Error { get; set; }

    /// <summary>Whether the context's children must be replayed to rebuild its result (a result too large to store).</summary>
    public bool? ReplayChildren { get; set; }
}
