using System;

namespace DurableLoggingProvider.Execution;

/// <summary>Ready-made retry strategies.</summary>
public static class RetryStrategy
{
    /// <summary>Six attempts, delays from 5 s doubling up to 60 s, full jitter.</summary>
    public static IRetryStrategy Default { get; } = Exponential(6, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 2.0, JitterStrategy.Full);

    /// <summary>One attempt: a failure fails the step.</summary>
    public static IRetryStrategy None { get; } = Exponential(maxAttempts: 1);

    /// <summary>Exponential backoff: the n-th retry waits <c>initialDelay × backoffRate^(n-1)</c>, at most <paramref name="maxDelay"/>, jittered.</summary>
    /// <param name="maxAttempts">Attempts in all, at least 1.</param>
    /// <param name="initialDelay">The first retry's delay; default 5 s.</param>
    /// <param name="maxDelay">The longest delay; default 300 s.</param>
    /// <param name="backoffRate">The factor between delays, at least 1.</param>
    /// <param name="jitter">How delays are randomized.</param>
    /// <param name="retryOn">Which exceptions are retried; all when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public static IRetryStrategy Exponential(
        int maxAttempts = 3,
        TimeSpan? initialDelay = null,
        TimeSpan? maxDelay = null,
        double backoffRate = 2.0,
        JitterStrategy jitter = JitterStrategy.Full,
        Func<Exception, bool>? retryOn = null) =>
        new ExponentialRetryStrategy(maxAttempts, initialDelay ?? TimeSpan.FromSeconds(5), maxDelay ?? TimeSpan.FromSeconds(300), backoffRate, jitter, retryOn);

    /// <summary>A strategy from a delegate.</summary>
    /// <param name="decide">Given the exception and the failed attempt's number, decides what follows.</param>
    public static IRetryStrategy FromDelegate(Func<Exception, int, RetryDecision> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return new DelegateRetryStrategy(decide);
    }

    private sealed class DelegateRetryStrategy(Func<Exception, int, RetryDecision> decide) : IRetryStrategy
    {
        public RetryDecision ShouldRetry(Exception exception, int attemptNumber) => decide(exception, attemptNumber);
    }
}
