using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Timed waits.</summary>
internal sealed partial class DurableContext
{
    private const int MaxWaitSeconds = 31_622_400;

    public async Task WaitAsync(TimeSpan duration, string? name = null, CancellationToken cancellationToken = default)
    {
        if (duration < TimeSpan.FromSeconds(1) || duration > TimeSpan.FromSeconds(MaxWaitSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"A wait lasts from 1 second to {MaxWaitSeconds.ToString(CultureInfo.InvariantCulture)} seconds (about a year).");
        }

        cancellationToken.ThrowIfCancellationRequested();
        await AwaitOperationAsync<object?>(OperationType.Wait, OperationSubTypes.Wait, name, async operation =>
        {
            switch (PhaseOf(operation.Existing))
            {
                case CheckpointPhase.New:
                    var seconds = WholeSeconds(duration);
                    var start = Update(operation, OperationType.Wait, OperationSubTypes.Wait, OperationAction.Start);
                    start.WaitOptions = new WaitOptions { WaitSeconds = seconds };

                    // Its flow blocks on it at once: the START goes with the next call, at the latest when the invocation goes idle.
                    Enqueue(start);
                    await BlockAsync(operation.Id, OperationType.Wait, $"waiting {seconds.ToString(CultureInfo.InvariantCulture)} s").ConfigureAwait(false);
                    break;
                case CheckpointPhase.Started:
                    await BlockAsync(operation.Id, OperationType.Wait, "the wait has not elapsed").ConfigureAwait(false);
                    break;
            }

            return null;
        }).ConfigureAwait(false);
    }
}
