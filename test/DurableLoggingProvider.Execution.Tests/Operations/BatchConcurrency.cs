using System;
using System.Threading;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>Counts map items or parallel branches whose bodies are running at once, and the most there ever were.</summary>
internal sealed class BatchConcurrency
{
    private int _running;
    private int _most;

    public int Most => Volatile.Read(ref _most);

    /// <summary>Marks a body running until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _running);
        int most;
        while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
        {
        }

        return new Exit(this);
    }

    private sealed class Exit(BatchConcurrency owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._running);
            }
        }
    }
}
