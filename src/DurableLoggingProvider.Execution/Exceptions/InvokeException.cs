using System;

namespace DurableLoggingProvider.Execution;

/// <summary>A chained invoke of another function failed, timed out or was stopped.</summary>
public sealed class InvokeException : DurableOperationFailedException
{
    /// <summary>Creates the exception.</summary>
    public InvokeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvokeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvokeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation and the error the service stored for it.</summary>
    public InvokeException(string operationId, string? operationName, ErrorObject? error, Exception? innerException = null)
        : base(operationId, operationName, error, innerException)
    {
    }
}
