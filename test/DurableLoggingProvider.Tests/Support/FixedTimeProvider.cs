using System;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>A clock that always reads the same instant, so that timestamps in lines are known in advance.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
