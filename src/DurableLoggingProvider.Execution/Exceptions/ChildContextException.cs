using System;

namespace DurableLoggingProvider.Execution;

/// <summary>A child context's code threw, and the context failed.</summary>
public sealed class ChildContextException : DurableOperationFailedException
{
    /// <summary>Creates the exception.</summary>
    public ChildContextException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ChildContextException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ChildContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation and the error the service stored for it.</summary>
    public ChildContextException(string operationId, string? operationName, ErrorObject? error, Exception? innerException = null)
        : base(operationId, operationName, error, innerException)
    {
    }
}
