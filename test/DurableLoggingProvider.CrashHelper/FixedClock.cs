using System;

namespace DurableLoggingProvider.CrashHelper;

/// <summary>A clock that never moves, so that every record is fully determined by its thread and number.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
