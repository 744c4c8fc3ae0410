using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// A durable operation ended in failure: a step whose retries ran out, a child context, callback or
/// invoke that failed. On replay the same failure is thrown again from the checkpoint, so the error's
/// type and message are kept as the service stored them.
/// </summary>
public class DurableOperationFailedException : DurableExecutionException
{
    /// <summary>Creates the exception.</summary>
    public DurableOperationFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DurableOperationFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DurableOperationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation and the error the service stored for it.</summary>
    public DurableOperationFailedException(string operationId, string? operationName, ErrorObject? error, Exception? innerException = null)
        : base(Describe(operationName ?? operationId, error), innerException!)
    {
        OperationId = operationId;
        OperationName = operationName;
        ErrorType = error?.ErrorType;
        ErrorMessage = error?.ErrorMessage;
        ErrorData = error?.ErrorData;
    }

    /// <summary>The failed operation's id.</summary>
    public string? OperationId { get; }

    /// <summary>The failed operation's name.</summary>
    public string? OperationName { get; }

    /// <summary>The type of the original error (for .NET code, the exception's full type name).</summary>
    public string? ErrorType { get; }

    /// <summary>The original error's message, as the service stored it.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Extra data about the error, as JSON text.</summary>
    public string? ErrorData { get; }

    private static string Describe(string operation, ErrorObject? error) =>
        error is null ? $"Operation '{operation}' failed." : $"Operation '{operation}' failed: {error.ErrorType}: {error.ErrorMessage}";
}
