namespace DurableLoggingProvider;

/// <summary>How an invocation ended, as its durable runtime reports it to <see cref="DurableLogContext.EndInvocation"/>.</summary>
public enum InvocationOutcome
{
    /// <summary>The execution finished with a result in this invocation (<c>SUCCEEDED</c>).</summary>
    Succeeded,

    /// <summary>The invocation failed (<c>FAILED</c>, or an exception that left the handler).</summary>
    Failed,

    /// <summary>The invocation suspended: the execution goes on in a later invocation (<c>PENDING</c>).</summary>
    Pending,
}
