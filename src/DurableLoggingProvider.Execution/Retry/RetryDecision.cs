using System;

namespace DurableLoggingProvider.Execution;

/// <summary>What follows a step's failed attempt: another attempt after a delay, or the step fails.</summary>
public readonly record struct RetryDecision
{
    private RetryDecision(bool shouldRetry, TimeSpan delay)
    {
        ShouldRetry = shouldRetry;
        Delay = delay;
    }

    /// <summary>Whether another attempt runs.</summary>
    public bool ShouldRetry { get; }

    /// <summary>How long until it runs; the service's timers count whole seconds, at least one.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The step fails with the attempt's error.</summary>
    public static RetryDecision DoNotRetry() => new(false, TimeSpan.Zero);

    /// <summary>Another attempt runs after <paramref name="delay"/> (rounded up to whole seconds, at least one).</summary>
    public static RetryDecision RetryAfter(TimeSpan delay) => new(true, delay);
}
