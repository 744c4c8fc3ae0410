namespace DurableLoggingProvider.Execution;

/// <summary>The service's answer to a checkpoint.</summary>
public sealed class CheckpointResponse
{
    /// <summary>The token to send with the next checkpoint.</summary>
    public string? CheckpointToken { get; set; }

    /// <summary>Operations the checkpoint created or changed, merged into the local state by id.</summary>
    public ExecutionStatePage? NewExecutionState { get; set; }
}
