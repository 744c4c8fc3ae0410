using System;

namespace DurableLoggingProvider.Execution;

/// <summary>Delays and timeouts as the service's timers take them.</summary>
internal static class ServiceSeconds
{
    /// <summary>A delay in whole seconds, rounded up, at least one.</summary>
    public static int From(TimeSpan delay) => (int)Math.Clamp(Math.Ceiling(delay.TotalSeconds), 1, int.MaxValue);
}
