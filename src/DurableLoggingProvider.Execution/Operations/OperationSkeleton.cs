using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The skeleton every awaited durable call goes through, so that none can forget a replay rule: claim the
/// next id (rule 1 and the determinism check), run the operation against its checkpoint's phase, and apply
/// rules 3 and 4 in <c>finally</c> (rule 6). Generic over the operation's struct type: no closure, no boxing,
/// one task per await.
/// </summary>
internal static class OperationSkeleton
{
    /// <summary>Claims the next operation of <paramref name="context"/> and awaits <paramref name="operation"/> on it, applying the replay rules after it.</summary>
    public static async Task<T> AwaitAsync<TOperation, T>(DurableContext context, TOperation operation)
        where TOperation : IDurableOperation<T>
    {
        operation.Validate();
        var claimed = context.Claim(operation.Type, operation.SubType, operation.Name);
        try
        {
            return await operation.RunAsync(context, claimed).ConfigureAwait(false);
        }
        finally
        {
            AfterAwait(context, claimed);
        }
    }

    /// <summary>Awaits an operation already claimed (a callback's result, claimed when the callback was created); rule 6.</summary>
    public static async Task<T> AwaitClaimedAsync<TOperation, T>(DurableContext context, ClaimedOperation claimed, TOperation operation)
        where TOperation : IDurableOperation<T>
    {
        try
        {
            return await operation.RunAsync(context, claimed).ConfigureAwait(false);
        }
        finally
        {
            AfterAwait(context, claimed);
        }
    }

    /// <summary>The phase of a checkpoint, the one reading of its status every operation's decision starts from.</summary>
    public static CheckpointPhase PhaseOf(Operation? checkpoint) => checkpoint?.Status switch
    {
        null => CheckpointPhase.New,
        OperationStatus.Started => CheckpointPhase.Started,
        OperationStatus.Ready => CheckpointPhase.Ready,
        OperationStatus.Pending => CheckpointPhase.Pending,
        OperationStatus.Succeeded when checkpoint.ContextDetails?.ReplayChildren == true => CheckpointPhase.ReplayChildren,
        OperationStatus.Succeeded => CheckpointPhase.Succeeded,
        _ => CheckpointPhase.Failed,
    };

    /// <summary>Rule 6, with rule 3's resumed-inside case: a <c>CONTEXT</c> still STARTED in the state this invocation was given.</summary>
    private static void AfterAwait(DurableContext context, ClaimedOperation claimed) =>
        context.Rules.AfterAwait(claimed.Id, resumedInside: claimed.Existing is { Type: OperationType.Context, Status: OperationStatus.Started });
}
