using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// The time the retry loop lives by: the clock (deadline, attempt timeouts), the wait between attempts and the
/// jitter. Tests give one that records each wait and moves a fake clock instead of sleeping.
/// </summary>
internal sealed class RetryClock
{
    private readonly Func<TimeSpan, CancellationToken, Task>? _delay;
    private readonly Func<double> _jitter;

    public RetryClock(TimeProvider time, Func<TimeSpan, CancellationToken, Task>? delay = null, Func<double>? jitter = null)
    {
        Time = time;
        _delay = delay;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public TimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        _delay is null ? Task.Delay(delay, Time, cancellationToken) : _delay(delay, cancellationToken);

    /// <summary>A fraction in [0, 1) of the backoff ceiling ("full jitter").</summary>
    public double NextJitter() => _jitter();
}
