namespace DurableLoggingProvider.Execution;

/// <summary>How a step retries.</summary>
public sealed class StepConfig
{
    /// <summary>Decides whether a failed attempt is retried and after what delay. Default <see cref="RetryStrategy.Default"/>.</summary>
    public IRetryStrategy RetryStrategy { get; init; } = Execution.RetryStrategy.Default;

    /// <summary>What happens to an attempt an invocation began but never finished. Default at least once.</summary>
    public StepSemantics Semantics { get; init; } = StepSemantics.AtLeastOncePerRetry;
}
