using System;
using System.Threading;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The invocation's cancellation, given to every call to the service: the caller's token and, when the
/// invocation has a deadline, that deadline on the given clock.
/// </summary>
internal sealed class InvocationCancellation : IDisposable
{
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource _linked;

    public InvocationCancellation(DateTimeOffset? deadline, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (deadline is { } end)
        {
            var left = end - clock.GetUtcNow();
            _deadline = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
        }
        else
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }
    }

    /// <summary>Cancelled when the caller cancels or the deadline passes.</summary>
    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _deadline?.Dispose();
    }
}
