using System;

namespace DurableLoggingProvider.Testing;

/// <summary>Makes the service fail the checkpoint call after the given number of calls in one invocation.</summary>
internal sealed class CrashInjection
{
    private int? _limit;
    private int _calls;

    public CrashInjection(InMemoryDurableService service)
    {
        service.BeforeCheckpoint = _ =>
        {
            if (_limit is { } limit && ++_calls > limit)
            {
                Fired = true;
                throw new InvalidOperationException($"Injected crash after {limit} checkpoint call(s).");
            }
        };
    }

    /// <summary>Whether the crash happened in the current invocation.</summary>
    public bool Fired { get; private set; }

    /// <summary>Sets up the next invocation: crash after <paramref name="limit"/> checkpoint calls, or never when <see langword="null"/>.</summary>
    public void Arm(int? limit)
    {
        _limit = limit;
        _calls = 0;
        Fired = false;
    }
}
