using System;

namespace DurableLoggingProvider.Execution;

/// <summary>A step failed: its retry strategy gave up, or it had no retries left.</summary>
public sealed class StepException : DurableOperationFailedException
{
    /// <summary>Creates the exception.</summary>
    public StepException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StepException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation and the error the service stored for it.</summary>
    public StepException(string operationId, string? operationName, ErrorObject? error, Exception? innerException = null)
        : base(operationId, operationName, error, innerException)
    {
    }
}
