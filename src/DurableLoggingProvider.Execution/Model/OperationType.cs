namespace DurableLoggingProvider.Execution;

/// <summary>The type of a durable operation; on the wire in upper snake case (<c>CHAINED_INVOKE</c>).</summary>
public enum OperationType
{
    /// <summary><c>EXECUTION</c>: the execution itself, carrying its input.</summary>
    Execution,

    /// <summary><c>CONTEXT</c>: a child context, map, map item, parallel, branch or wait-for-callback.</summary>
    Context,

    /// <summary><c>STEP</c>: a step or a wait-for-condition.</summary>
    Step,

    /// <summary><c>WAIT</c>: a timed wait.</summary>
    Wait,

    /// <summary><c>CALLBACK</c>: a callback an external system answers.</summary>
    Callback,

    /// <summary><c>CHAINED_INVOKE</c>: an invocation of another function.</summary>
    ChainedInvoke,
}
