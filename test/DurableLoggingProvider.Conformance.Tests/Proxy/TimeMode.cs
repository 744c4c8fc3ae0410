namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>How AWS's runner treats waits and retry delays; each mode has its own node process.</summary>
internal enum TimeMode
{
    /// <summary><c>setupTestEnvironment({ skipTime: true })</c>: timers fire at once.</summary>
    Skipped,

    /// <summary><c>setupTestEnvironment({ skipTime: false })</c>: timers take their real time.</summary>
    Real,
}
