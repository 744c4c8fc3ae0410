using System;

namespace DurableLoggingProvider.Execution;

/// <summary>A wait-for-condition's strategy gave up before the condition held.</summary>
public sealed class WaitForConditionException : DurableExecutionException
{
    /// <summary>Creates the exception.</summary>
    public WaitForConditionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WaitForConditionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WaitForConditionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a strategy that gave up after <paramref name="attemptsExhausted"/> checks.</summary>
    public WaitForConditionException(int attemptsExhausted, object? lastState)
        : base($"The condition did not hold after {attemptsExhausted} checks.")
    {
        AttemptsExhausted = attemptsExhausted;
        LastState = lastState;
    }

    /// <summary>How many checks ran.</summary>
    public int AttemptsExhausted { get; }

    /// <summary>The state the last check returned.</summary>
    public object? LastState { get; }
}
