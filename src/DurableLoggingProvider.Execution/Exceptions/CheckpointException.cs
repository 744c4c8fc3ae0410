using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The durable service could not be reached or refused a checkpoint. The invocation ends with this
/// exception rather than a <c>FAILED</c> output, so that Lambda retries the invocation and the execution
/// resumes from its last checkpoint.
/// </summary>
public sealed class CheckpointException : DurableExecutionException
{
    /// <summary>Creates the exception.</summary>
    public CheckpointException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CheckpointException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CheckpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
