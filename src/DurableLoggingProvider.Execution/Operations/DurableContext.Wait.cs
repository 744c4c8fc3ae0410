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
        var operation = Claim(OperationType.Wait, OperationSubTypes.Wait, name);
        try
        {
            switch (operation.Existing?.Status)
            {
                case null:
                    var seconds = WholeSeconds(duration);
                    var start = Update(operation, OperationType.Wait, OperationSubTypes.Wait, OperationAction.Start);
                    start.WaitOptions = new WaitOptions { WaitSeconds = seconds };

                    // Its flow blocks on it at once: the START goes with the next call, at the latest when the invocation goes idle.
                    Enqueue(start);
                    await BlockAsync(operation.Id, OperationType.Wait, $"waiting {seconds.ToString(CultureInfo.InvariantCulture)} s").ConfigureAwait(false);
                    break;
                case OperationStatus.Started:
                    await BlockAsync(operation.Id, OperationType.Wait, "the wait has not elapsed").ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            _rules.AfterAwait(operation.Id, resumedInside: false);
        }
    }
}
