using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>How test code answers a callback.</summary>
public sealed class CallbackAnswer
{
    private CallbackAnswer(string? result, ErrorObject? error, bool timedOut, bool isHeartbeat)
    {
        Result = result;
        Error = error;
        TimedOut = timedOut;
        IsHeartbeat = isHeartbeat;
    }

    /// <summary>The result, as JSON text, for a success.</summary>
    public string? Result { get; }

    /// <summary>The error, for a failure.</summary>
    public ErrorObject? Error { get; }

    /// <summary>Whether the callback times out.</summary>
    public bool TimedOut { get; }

    /// <summary>Whether this is only a heartbeat: the callback stays waiting.</summary>
    public bool IsHeartbeat { get; }

    /// <summary>The callback succeeds with <paramref name="resultJson"/>.</summary>
    public static CallbackAnswer Succeed(string? resultJson) => new(resultJson, null, false, false);

    /// <summary>The callback fails.</summary>
    public static CallbackAnswer Fail(string errorType, string errorMessage) => new(null, new ErrorObject { ErrorType = errorType, ErrorMessage = errorMessage }, false, false);

    /// <summary>The callback times out now, whatever its deadlines.</summary>
    public static CallbackAnswer TimeOut() => new(null, null, true, false);

    /// <summary>
    /// The external system is still working on it: a heartbeat restarts the callback's heartbeat deadline
    /// (<see cref="CallbackConfig.HeartbeatTimeout"/>) and answers nothing. The callback stays waiting, and
    /// the runner moves time on to the next timer, which may be the callback's own deadline.
    /// </summary>
    public static CallbackAnswer Heartbeat() => new(null, null, false, true);
}
