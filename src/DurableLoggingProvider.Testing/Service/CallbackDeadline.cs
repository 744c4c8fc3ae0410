using System;
using System.Globalization;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// The deadlines of one started callback (durable-wire-format.md, section 4: "timeout or missed heartbeat:
/// TIMED_OUT"): an answer within <c>TimeoutSeconds</c> of its start, and a heartbeat within
/// <c>HeartbeatTimeoutSeconds</c> of its start or its last heartbeat. 0 seconds means no such deadline.
/// </summary>
internal sealed class CallbackDeadline
{
    /// <summary>The <c>ErrorType</c> of every callback timeout the in-memory service makes.</summary>
    public const string TimeoutErrorType = "Callback.Timeout";

    private readonly int _timeoutSeconds;
    private readonly int _heartbeatTimeoutSeconds;
    private readonly long? _answerDue;
    private long _lastHeartbeat;

    public CallbackDeadline(long startedAt, CallbackOptions? options)
    {
        _timeoutSeconds = options?.TimeoutSeconds ?? 0;
        _heartbeatTimeoutSeconds = options?.HeartbeatTimeoutSeconds ?? 0;
        _answerDue = _timeoutSeconds > 0 ? startedAt + (_timeoutSeconds * 1000L) : null;
        _lastHeartbeat = startedAt;
    }

    /// <summary>When the callback times out unless it is answered first (epoch ms), or <see langword="null"/> when it never does.</summary>
    public long? Due => (_answerDue, HeartbeatDue) switch
    {
        ({ } answer, { } heartbeat) => Math.Min(answer, heartbeat),
        (var answer, var heartbeat) => answer ?? heartbeat,
    };

    private long? HeartbeatDue => _heartbeatTimeoutSeconds > 0 ? _lastHeartbeat + (_heartbeatTimeoutSeconds * 1000L) : null;

    /// <summary>Records a heartbeat: the heartbeat deadline starts again from <paramref name="now"/>.</summary>
    public void Heartbeat(long now) => _lastHeartbeat = now;

    /// <summary>The error a callback times out with once <see cref="Due"/> has passed: which deadline it missed.</summary>
    public ErrorObject Error()
    {
        var missedHeartbeat = HeartbeatDue is { } heartbeat && (_answerDue is not { } answer || heartbeat < answer);
        return new ErrorObject
        {
            ErrorType = TimeoutErrorType,
            ErrorMessage = missedHeartbeat
                ? $"The callback missed its heartbeat: none came within {_heartbeatTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s."
                : $"The callback was not answered within its timeout of {_timeoutSeconds.ToString(CultureInfo.InvariantCulture)} s.",
        };
    }
}
