namespace DurableLoggingProvider.Execution;

/// <summary>A <c>GetDurableExecutionState</c> call: one page of the execution's operations.</summary>
public sealed class ExecutionStateRequest
{
    /// <summary>The durable execution's ARN.</summary>
    public string DurableExecutionArn { get; set; } = string.Empty;

    /// <summary>The current checkpoint token.</summary>
    public string? CheckpointToken { get; set; }

    /// <summary>The marker of the page to read.</summary>
    public string Marker { get; set; } = string.Empty;

    /// <summary>The most operations to return.</summary>
    public int? MaxItems { get; set; }
}
