using System;
using System.Collections.Generic;
using System.Globalization;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Turns exceptions into the service's error objects, bounded by <see cref="ErrorText"/>: whatever the
/// exception holds, the error fits a <c>FAILED</c> output and a checkpoint.
/// </summary>
internal static class ErrorObjects
{
    public static ErrorObject From(Exception exception)
    {
        // A failed operation rethrown by workflow code keeps the original error's type and message.
        var original = exception as DurableOperationFailedException;
        var message = original?.ErrorType is not null ? original.ErrorMessage : exception.Message;
        var data = original?.ErrorData;
        if (data is not null && data.Length > ErrorText.MaxDataLength)
        {
            message = string.Create(
                CultureInfo.InvariantCulture, $"{ErrorText.BoundOrNull(message, ErrorText.MaxMessageLength)} [ErrorData of {data.Length} characters left out]");
            data = null;
        }
        else
        {
            message = ErrorText.BoundOrNull(message, ErrorText.MaxMessageLength);
        }

        var error = new ErrorObject
        {
            ErrorType = ErrorText.BoundOrNull(original?.ErrorType ?? exception.GetType().FullName, ErrorText.MaxTypeLength),
            ErrorMessage = message,
            ErrorData = data,
        };
        if (exception.StackTrace is { } stack)
        {
            error.StackTrace = StackTraceLines(stack);
        }

        return error;
    }

    private static List<string> StackTraceLines(string stack)
    {
        var lines = stack.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kept = new List<string>(Math.Min(lines.Length, ErrorText.MaxStackTraceLines + 1));
        var length = 0;
        foreach (var line in lines)
        {
            var bounded = ErrorText.Bound(line, ErrorText.MaxStackLineLength);
            if (kept.Count == ErrorText.MaxStackTraceLines || length + bounded.Length > ErrorText.MaxStackTraceLength)
            {
                kept.Add(string.Create(CultureInfo.InvariantCulture, $"[{lines.Length - kept.Count} more stack trace lines left out]"));
                break;
            }

            kept.Add(bounded);
            length += bounded.Length;
        }

        return kept;
    }
}
