using System;

namespace DurableLoggingProvider.Execution;

/// <summary>A wait-for-callback's timeouts and its submitter's retries.</summary>
public sealed class WaitForCallbackConfig
{
    /// <summary>How long the callback may take to be answered; <see langword="null"/> for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How long may pass between heartbeats; <see langword="null"/> for no heartbeat.</summary>
    public TimeSpan? HeartbeatTimeout { get; init; }

    /// <summary>How the submitter step retries. Default <see cref="RetryStrategy.Default"/>.</summary>
    public IRetryStrategy SubmitterRetryStrategy { get; init; } = RetryStrategy.Default;
}
