using System;

namespace DurableLoggingProvider.Execution;

/// <summary>What follows a wait-for-condition's check: stop with the state, or check again after a delay.</summary>
public readonly record struct WaitDecision
{
    private WaitDecision(bool shouldContinue, TimeSpan delay)
    {
        ShouldContinue = shouldContinue;
        Delay = delay;
    }

    /// <summary>Whether another check runs.</summary>
    public bool ShouldContinue { get; }

    /// <summary>How long until it runs; whole seconds, at least one.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The condition holds: the operation returns the latest state.</summary>
    public static WaitDecision Stop() => new(false, TimeSpan.Zero);

    /// <summary>Check again after <paramref name="delay"/>; the execution is suspended meanwhile.</summary>
    public static WaitDecision ContinueAfter(TimeSpan delay) => new(true, delay);
}
