namespace DurableLoggingProvider.Execution;

/// <summary>Details of the <c>EXECUTION</c> operation.</summary>
public sealed class ExecutionDetails
{
    /// <summary>The user's input to the execution, as a JSON string.</summary>
    public string? InputPayload { get; set; }
}
