using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>One checkpointed operation of a durable execution, as the service stores it.</summary>
public sealed class Operation
{
    /// <summary>The operation's id: deterministic per position in the code, at most 64 characters.</summary>
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>The operation's type.</summary>
    [JsonRequired]
    public OperationType Type { get; set; }

    /// <summary>The operation's status.</summary>
    [JsonRequired]
    public OperationStatus Status { get; set; }

    /// <summary>The id of the enclosing <c>CONTEXT</c> operation; absent at the root.</summary>
    public string? ParentId { get; set; }

    /// <summary>The user's name for the operation.</summary>
    public string? Name { get; set; }

    /// <summary>What kind of call made the operation (see <see cref="OperationSubTypes"/>).</summary>
    public string? SubType { get; set; }

    /// <summary>When the operation started, in milliseconds since the Unix epoch (read from milliseconds or an ISO 8601 string).</summary>
    [JsonConverter(typeof(EpochMillisecondsConverter))]
    public long? StartTimestamp { get; set; }

    /// <summary>When the operation ended, in milliseconds since the Unix epoch (read from milliseconds or an ISO 8601 string).</summary>
    [JsonConverter(typeof(EpochMillisecondsConverter))]
    public long? EndTimestamp { get; set; }

    /// <summary>Set on the <c>EXECUTION</c> operation.</summary>
    public ExecutionDetails? ExecutionDetails { get; set; }

    /// <summary>Set on <c>CONTEXT</c> operations.</summary>
    public ContextDetails? ContextDetails { get; set; }

    /// <summary>Set on <c>STEP</c> operations.</summary>
    public StepDetails? StepDetails { get; set; }

    /// <summary>Set on <c>WAIT</c> operations.</summary>
    public WaitDetails? WaitDetails { get; set; }

    /// <summary>Set on <c>CALLBACK</c> operations.</summary>
    public CallbackDetails? CallbackDetails { get; set; }

    /// <summary>Set on <c>CHAINED_INVOKE</c> operations.</summary>
    public ChainedInvokeDetails? ChainedInvokeDetails { get; set; }
}
