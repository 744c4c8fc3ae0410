namespace DurableLoggingProvider.Testing;

/// <summary>When, around the checkpoint call that carries an operation's update, an aimed crash happens.</summary>
public enum CrashMoment
{
    /// <summary>
    /// The call never reaches the service: none of its updates is applied, as when a process dies while the
    /// update is still in memory. The next invocation finds the operation as it was before.
    /// </summary>
    BeforeCheckpoint,

    /// <summary>
    /// The service applies the call, then the invocation dies before it hears the answer, as when a process is
    /// killed right after its checkpoint went out. The next invocation finds the update applied.
    /// </summary>
    AfterCheckpoint,
}
