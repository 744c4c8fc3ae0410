using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Child contexts: code checkpointed as one <c>CONTEXT</c> operation with its own ids.</summary>
internal sealed partial class DurableContext
{
    public Task<T> RunInChildContextAsync<T>(Func<IDurableContext, Task<T>> func, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(func);
        cancellationToken.ThrowIfCancellationRequested();
        return RunContextAsync(OperationSubTypes.RunInChildContext, name, child => func(child));
    }

    public Task RunInChildContextAsync(Func<IDurableContext, Task> func, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(func);
        return RunInChildContextAsync<object?>(
            async child =>
            {
                await func(child).ConfigureAwait(false);
                return null;
            },
            name,
            cancellationToken);
    }

    /// <summary>Claims a <c>CONTEXT</c> operation and runs <paramref name="body"/> in it, or replays its stored result.</summary>
    private Task<T> RunContextAsync<T>(string subType, string? name, Func<DurableContext, Task<T>> body) =>
        AwaitOperationAsync(OperationType.Context, subType, name, operation => RunClaimedContextAsync(operation, subType, body));

    private async Task<T> RunClaimedContextAsync<T>(ClaimedOperation operation, string subType, Func<DurableContext, Task<T>> body)
    {
        var existing = operation.Existing;
        switch (PhaseOf(existing))
        {
            case CheckpointPhase.Succeeded:
                return _run.Serializer.Deserialize<T>(existing!.ContextDetails?.Result)!;
            case CheckpointPhase.Failed:
                throw new ChildContextException(operation.Id, operation.Name, existing!.ContextDetails?.Error);
            case CheckpointPhase.New:
                // Nothing in the body relies on it being on record: it rides on the body's first call, or the
                // context's outcome. Lost before that call, the context has no checkpoint and runs again as new work.
                Enqueue(Update(operation, OperationType.Context, subType, OperationAction.Start));
                break;
        }

        var replayOnly = ReplayRules.ReplayChildrenSeed(existing);
        var child = CreateChild(operation.Id, ReplayRules.ChildSeed(State.IsReplaying, replayOnly), _flow, replayOnly);
        T result;
        try
        {
            result = await RunInContextAsync(child, body).ConfigureAwait(false);
        }
        catch (Exception exception) when (!IsEngineFailure(exception) && !replayOnly)
        {
            var error = ErrorObjects.From(exception);
            var fail = Update(operation, OperationType.Context, subType, OperationAction.Fail);
            fail.Error = error;
            Enqueue(fail);
            throw new ChildContextException(operation.Id, operation.Name, error, exception);
        }

        if (!replayOnly)
        {
            SucceedContext(operation, subType, _run.Serializer.Serialize(result));
        }

        return result;
    }

    private DurableContext CreateChild(string operationId, bool isReplaying, ExecutionFlow flow, bool replayOnly) =>
        new(_run, State.CreateChild(operationId, isReplaying), this, operationId, flow, replayOnly, _logger);

    /// <summary>
    /// Queues a context's success; a result too large to store is left to be rebuilt by replaying the children.
    /// Like its failure, it is not awaited: the result is rebuilt from the children's checkpoints, which are on
    /// record, so a context whose outcome is lost runs its body again against them and ends the same way.
    /// </summary>
    private void SucceedContext(ClaimedOperation operation, string subType, string? payload)
    {
        var succeed = Update(operation, OperationType.Context, subType, OperationAction.Succeed);
        if (payload is not null && payload.Length > MaxStoredContextResultLength)
        {
            succeed.ContextOptions = new ContextOptions { ReplayChildren = true };
        }
        else
        {
            succeed.Payload = payload;
        }

        Enqueue(succeed);
    }
}
