using System;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// A <c>CONTEXT</c> operation whose body runs in a child context with its own ids (a child context, a
/// wait-for-callback): its stored result replayed, its stored failure thrown again, or its body run.
/// </summary>
/// <param name="subType">The context's sub-type.</param>
/// <param name="name">Its name.</param>
/// <param name="body">The code that runs in it.</param>
internal readonly struct ChildContextOperation<TBody, T>(string subType, string? name, TBody body) : IDurableOperation<T>
    where TBody : IChildContextBody<T>
{
    public OperationType Type => OperationType.Context;

    public string SubType => subType;

    public string? Name => name;

    public void Validate()
    {
        // The facade checks the body and the token when the call is made.
    }

    public async ValueTask<T> RunAsync(DurableContext context, ClaimedOperation operation)
    {
        var existing = operation.Existing;
        switch (OperationSkeleton.PhaseOf(existing))
        {
            case CheckpointPhase.Succeeded:
                return context.Run.Serializer.Deserialize<T>(existing!.ContextDetails?.Result)!;
            case CheckpointPhase.Failed:
                throw body.Failure(operation, existing!.ContextDetails?.Error, null);
            case CheckpointPhase.New:
                // Nothing in the body relies on it being on record: it rides on the body's first call, or the
                // context's outcome. Lost before that call, the context has no checkpoint and runs again as new work.
                context.Enqueue(context.Update(operation, OperationType.Context, subType, OperationAction.Start));
                break;
        }

        var replayOnly = ReplayRules.ReplayChildrenSeed(existing);
        var child = context.CreateChild(operation, ReplayRules.ChildSeed(context.State.IsReplaying, replayOnly), context.Flow, replayOnly);
        T result;
        try
        {
            result = await DurableContext.RunInContextAsync<TBody, T>(child, body).ConfigureAwait(false);
        }
        catch (Exception exception) when (!DurableContext.IsEngineFailure(exception) && !replayOnly)
        {
            var error = body.ErrorOf(exception);
            ContextOutcome.Fail(context, operation, subType, error);
            throw body.Failure(operation, error, exception);
        }

        if (!replayOnly)
        {
            ContextOutcome.Succeed(context, operation, subType, context.Run.Serializer.Serialize(result));
        }

        return result;
    }
}
