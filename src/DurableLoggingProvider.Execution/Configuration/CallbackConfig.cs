using System;

namespace DurableLoggingProvider.Execution;

/// <summary>A callback's timeouts.</summary>
public sealed class CallbackConfig
{
    /// <summary>How long the callback may take to be answered; <see langword="null"/> for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How long may pass between heartbeats; <see langword="null"/> for no heartbeat.</summary>
    public TimeSpan? HeartbeatTimeout { get; init; }
}
