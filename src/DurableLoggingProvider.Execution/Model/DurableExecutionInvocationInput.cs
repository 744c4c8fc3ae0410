using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>The event a durable handler receives on each invocation.</summary>
public sealed class DurableExecutionInvocationInput
{
    /// <summary>The durable execution's ARN; the same for every invocation of one execution.</summary>
    [JsonRequired]
    public string DurableExecutionArn { get; set; } = string.Empty;

    /// <summary>The token sent back with the first checkpoint; each checkpoint returns the next.</summary>
    public string? CheckpointToken { get; set; }

    /// <summary>The first page of the execution's operations.</summary>
    public ExecutionStatePage? InitialExecutionState { get; set; }

    /// <summary>Operations the service changed while the execution was suspended (timers fired, callbacks answered).</summary>
    public List<string>? UpdatedOperationIds { get; set; }
}
