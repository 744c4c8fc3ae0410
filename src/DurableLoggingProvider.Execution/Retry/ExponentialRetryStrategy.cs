using System;

namespace DurableLoggingProvider.Execution;

/// <summary>Exponential backoff with jitter, bounded in attempts and delay.</summary>
internal sealed class ExponentialRetryStrategy : IRetryStrategy
{
    private readonly int _maxAttempts;
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly double _backoffRate;
    private readonly JitterStrategy _jitter;
    private readonly Func<Exception, bool>? _retryOn;

    public ExponentialRetryStrategy(int maxAttempts, TimeSpan initialDelay, TimeSpan maxDelay, double backoffRate, JitterStrategy jitter, Func<Exception, bool>? retryOn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        if (initialDelay <= TimeSpan.Zero || maxDelay < initialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(initialDelay), initialDelay, $"The initial delay must be positive and at most the maximum delay ({maxDelay}).");
        }

        if (!double.IsFinite(backoffRate) || backoffRate < 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(backoffRate), backoffRate, "The backoff rate must be a finite number of at least 1.");
        }

        _maxAttempts = maxAttempts;
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
        _backoffRate = backoffRate;
        _jitter = jitter;
        _retryOn = retryOn;
    }

    public RetryDecision ShouldRetry(Exception exception, int attemptNumber)
    {
        if (attemptNumber >= _maxAttempts || (_retryOn is not null && !_retryOn(exception)))
        {
            return RetryDecision.DoNotRetry();
        }

        var seconds = Math.Min(_initialDelay.TotalSeconds * Math.Pow(_backoffRate, attemptNumber - 1), _maxDelay.TotalSeconds);
        seconds = _jitter switch
        {
            JitterStrategy.Full => seconds * Random.Shared.NextDouble(),
            JitterStrategy.Half => seconds * (0.5 + (0.5 * Random.Shared.NextDouble())),
            _ => seconds,
        };
        return RetryDecision.RetryAfter(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(seconds))));
    }
}
