using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// On replay, the code called a different operation than the one checkpointed at the same position:
/// the workflow is not deterministic (or its code changed under a running execution). The execution
/// fails; the message names both operations.
/// </summary>
public sealed class NonDeterministicExecutionException : DurableExecutionException
{
    /// <summary>Creates the exception.</summary>
    public NonDeterministicExecutionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NonDeterministicExecutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NonDeterministicExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
