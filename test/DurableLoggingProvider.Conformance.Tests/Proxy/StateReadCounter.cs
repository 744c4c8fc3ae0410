using System.Threading;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>Counts a run's <c>GetDurableExecutionState</c> calls, from any invocation.</summary>
internal sealed class StateReadCounter
{
    private int _count;

    /// <summary>How many calls were made.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts one call.</summary>
    public void Add() => Interlocked.Increment(ref _count);
}
