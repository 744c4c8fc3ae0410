using System;

namespace DurableLoggingProvider.Execution;

/// <summary>Decides, after a step's attempt throws, whether another attempt runs and after what delay.</summary>
public interface IRetryStrategy
{
    /// <summary>Decides what follows a failed attempt.</summary>
    /// <param name="exception">What the attempt threw.</param>
    /// <param name="attemptNumber">The attempt that failed, 1-based.</param>
    RetryDecision ShouldRetry(Exception exception, int attemptNumber);
}
