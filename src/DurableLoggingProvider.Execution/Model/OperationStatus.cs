namespace DurableLoggingProvider.Execution;

/// <summary>The status of a durable operation; on the wire in upper snake case (<c>TIMED_OUT</c>).</summary>
public enum OperationStatus
{
    /// <summary><c>STARTED</c>: in progress.</summary>
    Started,

    /// <summary><c>PENDING</c>: a step waiting for its next attempt.</summary>
    Pending,

    /// <summary><c>READY</c>: a step whose next attempt may run.</summary>
    Ready,

    /// <summary><c>SUCCEEDED</c>: finished with a result.</summary>
    Succeeded,

    /// <summary><c>FAILED</c>: finished with an error.</summary>
    Failed,

    /// <summary><c>CANCELLED</c>: cancelled.</summary>
    Cancelled,

    /// <summary><c>TIMED_OUT</c>: timed out.</summary>
    TimedOut,

    /// <summary><c>STOPPED</c>: stopped.</summary>
    Stopped,
}
