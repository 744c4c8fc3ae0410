using System;
using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>Turns exceptions into the service's error objects.</summary>
internal static class ErrorObjects
{
    public static ErrorObject From(Exception exception)
    {
        // A failed operation rethrown by workflow code keeps the original error's type and message.
        var original = exception as DurableOperationFailedException;
        var error = new ErrorObject
        {
            ErrorType = original?.ErrorType ?? exception.GetType().FullName,
            ErrorMessage = original?.ErrorType is not null ? original.ErrorMessage : exception.Message,
            ErrorData = original?.ErrorData,
        };
        if (exception.StackTrace is { } stack)
        {
            error.StackTrace = new List<string>(stack.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return error;
    }
}
