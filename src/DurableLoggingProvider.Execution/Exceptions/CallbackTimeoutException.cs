using System;

namespace DurableLoggingProvider.Execution;

/// <summary>A callback was not answered, or missed a heartbeat, within its timeout.</summary>
public sealed class CallbackTimeoutException : DurableOperationFailedException
{
    /// <summary>Creates the exception.</summary>
    public CallbackTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CallbackTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CallbackTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation and the error the service stored for it.</summary>
    public CallbackTimeoutException(string operationId, string? operationName, ErrorObject? error, Exception? innerException = null)
        : base(operationId, operationName, error, innerException)
    {
    }
}
