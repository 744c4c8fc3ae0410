using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>A <c>CheckpointDurableExecution</c> call.</summary>
public sealed class CheckpointRequest
{
    /// <summary>The durable execution's ARN.</summary>
    public string DurableExecutionArn { get; set; } = string.Empty;

    /// <summary>The token of the previous checkpoint (or of the invocation input).</summary>
    public string? CheckpointToken { get; set; }

    /// <summary>The changes, in order.</summary>
    public List<OperationUpdate> Updates { get; set; } = [];
}
