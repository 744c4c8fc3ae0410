using System;

namespace DurableLoggingProvider.Execution;

/// <summary>Ready-made wait strategies for <see cref="IDurableContext.WaitForConditionAsync{TState}"/>.</summary>
public static class WaitStrategy
{
    /// <summary>Checks every <paramref name="delay"/> until <paramref name="isDone"/> holds, at most <paramref name="maxAttempts"/> checks.</summary>
    /// <param name="delay">The delay between checks, at least 1 s.</param>
    /// <param name="isDone">When the condition holds.</param>
    /// <param name="maxAttempts">The most checks; past it the operation fails with <see cref="WaitForConditionException"/>.</param>
    public static IWaitStrategy<TState> Fixed<TState>(TimeSpan delay, Func<TState, bool> isDone, int maxAttempts = 60)
    {
        ArgumentNullException.ThrowIfNull(isDone);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        return FromDelegate<TState>((state, attempt) =>
            isDone(state) ? WaitDecision.Stop()
            : attempt >= maxAttempts ? throw new WaitForConditionException(attempt, state)
            : WaitDecision.ContinueAfter(delay));
    }

    /// <summary>A strategy from a delegate; to give up, the delegate throws <see cref="WaitForConditionException"/>.</summary>
    public static IWaitStrategy<TState> FromDelegate<TState>(Func<TState, int, WaitDecision> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return new DelegateWaitStrategy<TState>(decide);
    }

    private sealed class DelegateWaitStrategy<TState>(Func<TState, int, WaitDecision> decide) : IWaitStrategy<TState>
    {
        public WaitDecision Decide(TState state, int attemptNumber) => decide(state, attemptNumber);
    }
}
