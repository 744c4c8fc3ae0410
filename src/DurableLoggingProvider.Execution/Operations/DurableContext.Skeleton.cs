using System;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The skeleton every awaited durable call goes through, so that none can forget a replay rule: claim the
/// next id (rule 1 and the determinism check), run the operation against its checkpoint's phase, and apply
/// rules 3 and 4 in <c>finally</c> (rule 6).
/// </summary>
internal sealed partial class DurableContext
{
    /// <summary>Claims the next operation and awaits <paramref name="operation"/> on it, applying the replay rules after it.</summary>
    private async Task<T> AwaitOperationAsync<T>(OperationType type, string subType, string? name, Func<ClaimedOperation, Task<T>> operation)
    {
        var claimed = Claim(type, subType, name);
        return await AwaitClaimedAsync(claimed, operation).ConfigureAwait(false);
    }

    /// <summary>Awaits an operation already claimed (a callback's result, claimed when the callback was created); rule 6.</summary>
    private async Task<T> AwaitClaimedAsync<T>(ClaimedOperation claimed, Func<ClaimedOperation, Task<T>> operation)
    {
        try
        {
            return await operation(claimed).ConfigureAwait(false);
        }
        finally
        {
            // Rule 3's resumed-inside case: a CONTEXT still STARTED in the state this invocation was given.
            _rules.AfterAwait(claimed.Id, resumedInside: claimed.Existing is { Type: OperationType.Context, Status: OperationStatus.Started });
        }
    }

    /// <summary>The phase of a checkpoint, the one reading of its status every operation's decision starts from.</summary>
    private static CheckpointPhase PhaseOf(Operation? checkpoint) => checkpoint?.Status switch
    {
        null => CheckpointPhase.New,
        OperationStatus.Started => CheckpointPhase.Started,
        OperationStatus.Ready => CheckpointPhase.Ready,
        OperationStatus.Pending => CheckpointPhase.Pending,
        OperationStatus.Succeeded when checkpoint.ContextDetails?.ReplayChildren == true => CheckpointPhase.ReplayChildren,
        OperationStatus.Succeeded => CheckpointPhase.Succeeded,
        _ => CheckpointPhase.Failed,
    };
}
