using System;

namespace DurableLoggingProvider.Execution;

/// <summary>The external system answered a callback with a failure.</summary>
public sealed class CallbackFailedException : DurableOperationFailedException
{
    /// <summary>Creates the exception.</summary>
    public CallbackFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CallbackFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CallbackFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation and the error the service stored for it.</summary>
    public CallbackFailedException(string operationId, string? operationName, ErrorObject? error, Exception? innerException = null)
        : base(operationId, operationName, error, innerException)
    {
    }
}
