using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace DurableLoggingProvider.Lambda.Tests;

/// <summary>A fake clock for the retry loop: each wait between attempts is recorded and moves the clock at once, so no test sleeps.</summary>
internal sealed class RecordingRetryClock
{
    private readonly List<TimeSpan> _delays = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The fraction of the backoff ceiling each wait takes; 0.5 unless a test sets it.</summary>
    public double Jitter { get; set; } = 0.5;

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public RetryClock Clock => new(Time, DelayAsync, () => Jitter);

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_delays)
        {
            _delays.Add(delay);
        }

        Time.Advance(delay);
        return Task.CompletedTask;
    }
}
