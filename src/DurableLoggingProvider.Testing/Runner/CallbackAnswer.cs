using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>How test code answers a callback.</summary>
public sealed class CallbackAnswer
{
    private CallbackAnswer(string? result, ErrorObject? error, bool timedOut)
    {
        Result = result;
        Error = error;
        TimedOut = timedOut;
    }

    /// <summary>The result, as JSON text, for a success.</summary>
    public string? Result { get; }

    /// <summary>The error, for a failure.</summary>
    public ErrorObject? Error { get; }

    /// <summary>Whether the callback times out.</summary>
    public bool TimedOut { get; }

    /// <summary>The callback succeeds with <paramref name="resultJson"/>.</summary>
    public static CallbackAnswer Succeed(string? resultJson) => new(resultJson, null, false);

    /// <summary>The callback fails.</summary>
    public static CallbackAnswer Fail(string errorType, string errorMessage) => new(null, new ErrorObject { ErrorType = errorType, ErrorMessage = errorMessage }, false);

    /// <summary>The callback times out.</summary>
    public static CallbackAnswer TimeOut() => new(null, null, true);
}
