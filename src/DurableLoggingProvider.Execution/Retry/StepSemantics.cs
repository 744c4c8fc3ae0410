namespace DurableLoggingProvider.Execution;

/// <summary>What happens to a step's attempt that an invocation began but never finished (the process crashed or timed out).</summary>
public enum StepSemantics
{
    /// <summary>The attempt runs again: the body may run more than once per attempt. For idempotent work. The default.</summary>
    AtLeastOncePerRetry,

    /// <summary>The attempt counts as failed and the retry strategy decides: the body runs at most once per attempt.</summary>
    AtMostOncePerRetry,
}
