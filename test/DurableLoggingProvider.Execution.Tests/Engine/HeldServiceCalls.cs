using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// Holds one chosen call to the service (a checkpoint, or a read of the state after the invocation's own
/// input was loaded) until the token it was given is cancelled, as a slow service would; every other call
/// goes through. Tells when the held call began, and whether its token was cancelled.
/// </summary>
internal sealed class HeldServiceCalls(IDurableServiceClient inner, bool holdCheckpoint, bool holdStateRead) : IDurableServiceClient
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Completes when the held call began.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Whether the held call ended because its token was cancelled.</summary>
    public bool HeldCallCancelled { get; private set; }

    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        if (holdCheckpoint)
        {
            await HoldAsync(cancellationToken).ConfigureAwait(false);
        }

        return await inner.CheckpointAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        if (holdStateRead)
        {
            await HoldAsync(cancellationToken).ConfigureAwait(false);
        }

        return await inner.GetExecutionStateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task HoldAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _held, 1) != 0)
        {
            return;
        }

        _entered.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            HeldCallCancelled = cancellationToken.IsCancellationRequested;
        }
    }
}
