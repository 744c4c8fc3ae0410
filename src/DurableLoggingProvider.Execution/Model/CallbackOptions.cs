namespace DurableLoggingProvider.Execution;

/// <summary>Options of a <c>CALLBACK</c> update.</summary>
public sealed class CallbackOptions
{
    /// <summary>How long the callback may take to be answered; <see langword="null"/> (left out of the update) for no limit.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>How long between heartbeats before the callback times out; <see langword="null"/> (left out of the update) for none.</summary>
    public int? HeartbeatTimeoutSeconds { get; set; }
}
