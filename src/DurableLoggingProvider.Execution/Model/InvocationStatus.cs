namespace DurableLoggingProvider.Execution;

/// <summary>How an invocation left the execution; on the wire in upper case.</summary>
public enum InvocationStatus
{
    /// <summary><c>SUCCEEDED</c>: the execution finished with a result.</summary>
    Succeeded,

    /// <summary><c>FAILED</c>: the execution finished with an error.</summary>
    Failed,

    /// <summary><c>PENDING</c>: the execution is suspended until something pending completes.</summary>
    Pending,
}
