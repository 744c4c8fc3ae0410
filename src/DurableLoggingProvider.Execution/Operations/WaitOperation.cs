using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A timed wait: the execution suspends, and the service invokes the function again once it has elapsed.</summary>
/// <param name="duration">How long.</param>
/// <param name="name">The wait's name.</param>
/// <param name="cancellationToken">Cancels the wait before it begins.</param>
internal readonly struct WaitOperation(TimeSpan duration, string? name, CancellationToken cancellationToken) : IDurableOperation<object?>
{
    private const int MaxWaitSeconds = 31_622_400;

    public OperationType Type => OperationType.Wait;

    public string SubType => OperationSubTypes.Wait;

    public string? Name => name;

    public void Validate()
    {
        if (duration < TimeSpan.FromSeconds(1) || duration > TimeSpan.FromSeconds(MaxWaitSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"A wait lasts from 1 second to {MaxWaitSeconds.ToString(CultureInfo.InvariantCulture)} seconds (about a year).");
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public async ValueTask<object?> RunAsync(DurableContext context, ClaimedOperation operation)
    {
        switch (OperationSkeleton.PhaseOf(operation.Existing))
        {
            case CheckpointPhase.New:
                var seconds = ServiceSeconds.From(duration);
                var start = context.Update(operation, OperationType.Wait, OperationSubTypes.Wait, OperationAction.Start);
                start.WaitOptions = new WaitOptions { WaitSeconds = seconds };

                // Its flow blocks on it at once: the START goes with the next call, at the latest when the invocation goes idle.
                context.Enqueue(start);
                await context.BlockAsync(operation.Id, OperationType.Wait, $"waiting {seconds.ToString(CultureInfo.InvariantCulture)} s").ConfigureAwait(false);
                break;
            case CheckpointPhase.Started:
                await context.BlockAsync(operation.Id, OperationType.Wait, "the wait has not elapsed").ConfigureAwait(false);
                break;
        }

        return null;
    }
}
