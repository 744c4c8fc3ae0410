namespace DurableLoggingProvider.Execution;

/// <summary>
/// Where a claimed operation's checkpoint stands, as the operations read it when they decide between
/// replaying a stored outcome, waiting, and running: one reading of the status for all of them.
/// </summary>
internal enum CheckpointPhase
{
    /// <summary>No checkpoint: the operation is new work.</summary>
    New,

    /// <summary>STARTED: begun by an earlier attempt or invocation, not finished.</summary>
    Started,

    /// <summary>READY: a retry or the next check may run now.</summary>
    Ready,

    /// <summary>PENDING: waiting for the service (a retry's delay, the next check's).</summary>
    Pending,

    /// <summary>SUCCEEDED with its outcome stored: replayed without running.</summary>
    Succeeded,

    /// <summary>A <c>CONTEXT</c> SUCCEEDED with <c>ReplayChildren</c>: its result was too large to store, so its body runs again, replaying.</summary>
    ReplayChildren,

    /// <summary>Any other terminal status (FAILED, CANCELLED, TIMED_OUT, STOPPED): the stored failure is thrown again.</summary>
    Failed,
}
