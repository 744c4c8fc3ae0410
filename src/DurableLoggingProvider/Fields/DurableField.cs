namespace DurableLoggingProvider;

/// <summary>
/// A field every line written in durable code carries: the durable execution's and the invocation's
/// context. Declared in the order lines carry them (<see cref="DurableFields.InOrder"/>).
/// </summary>
internal enum DurableField
{
    /// <summary>The durable execution's ARN.</summary>
    ExecutionArn,

    /// <summary>The invocation's request id; one of the record's own keys, written where Lambda's records have it.</summary>
    RequestId,

    /// <summary>The id of the enclosing <c>CONTEXT</c> operation; absent at the root.</summary>
    ParentId,

    /// <summary>The id of the operation whose body is running.</summary>
    OperationId,

    /// <summary>The user's name for that operation.</summary>
    OperationName,

    /// <summary>The 1-based attempt of a step's body.</summary>
    Attempt,

    /// <summary><c>true</c> on a line written while its context replays, in <see cref="ReplayMode.Mark"/> mode; one of the record's own keys.</summary>
    Replay,
}
