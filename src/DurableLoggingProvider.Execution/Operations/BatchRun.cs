using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// One run of a batch's items on concurrent workers, each its own flow. The creator's turn passes to the
/// workers and back to it from the last one to finish; a worker whose item waits on the service blocks, and
/// the rest carry on until every flow is blocked. An item's failure is recorded in its result, not thrown.
/// </summary>
internal sealed class BatchRun<TItems, T>
    where TItems : IBatchItems<T>
{
    private readonly DurableContext _batch;
    private readonly TItems _items;
    private readonly ClaimedOperation[] _claimed;
    private readonly int _startsQueued;
    private readonly bool _creatorReplaying;
    private int _next = -1;
    private int _running;

    /// <param name="batch">The batch's own context, whose children the items are.</param>
    /// <param name="items">The items or branches.</param>
    /// <param name="claimed">Each item's claimed operation.</param>
    /// <param name="startsQueued">How many items, from the first, had their STARTs queued with the batch's.</param>
    /// <param name="creatorReplaying">The creator's status when the batch began (the item seed).</param>
    public BatchRun(DurableContext batch, TItems items, ClaimedOperation[] claimed, int startsQueued, bool creatorReplaying)
    {
        _batch = batch;
        _items = items;
        _claimed = claimed;
        _startsQueued = startsQueued;
        _creatorReplaying = creatorReplaying;
        Results = new BatchItem<T>[claimed.Length];
    }

    /// <summary>Each item's outcome, by index, once <see cref="RunAsync"/> has finished.</summary>
    public BatchItem<T>[] Results { get; }

    /// <summary>Runs the items on <paramref name="workers"/> workers (at most one per item).</summary>
    public async Task RunAsync(int workers)
    {
        if (workers == 0)
        {
            return;
        }

        _running = workers;
        _batch.Run.Running.Add(workers - 1);
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Run(WorkAsync);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task WorkAsync()
    {
        try
        {
            var flow = new ExecutionFlow();
            int index;
            while ((index = Interlocked.Increment(ref _next)) < _claimed.Length)
            {
                await RunItemAsync(index, flow).ConfigureAwait(false);
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _running) != 0)
            {
                _batch.Run.Running.Remove();
            }
        }
    }

    /// <summary>Runs (or replays) one item in its own child context.</summary>
    private async Task RunItemAsync(int index, ExecutionFlow flow)
    {
        var item = _claimed[index];
        var subType = _items.ItemSubType;
        var existing = item.Existing;
        var serializer = _batch.Run.Serializer;
        switch (OperationSkeleton.PhaseOf(existing))
        {
            case CheckpointPhase.Succeeded:
                Results[index] = new BatchItem<T>(index, BatchItemStatus.Succeeded, serializer.Deserialize<T>(existing!.ContextDetails?.Result), null);
                return;
            case CheckpointPhase.Failed:
                Results[index] = new BatchItem<T>(index, BatchItemStatus.Failed, default, existing!.ContextDetails?.Error);
                return;
            case CheckpointPhase.New when index >= _startsQueued:
                _batch.Enqueue(_batch.Update(item, OperationType.Context, subType, OperationAction.Start));
                break;
        }

        var replayOnly = ReplayRules.ReplayChildrenSeed(existing);
        var context = _batch.CreateChild(item, ReplayRules.ItemSeed(existing, _creatorReplaying, replayOnly), flow, replayOnly);
        try
        {
            var result = await DurableContext.RunInContextAsync<BatchItemBody<TItems, T>, T>(context, new BatchItemBody<TItems, T>(_items, index)).ConfigureAwait(false);
            if (!replayOnly)
            {
                ContextOutcome.Succeed(_batch, item, subType, serializer.Serialize(result));
            }

            Results[index] = new BatchItem<T>(index, BatchItemStatus.Succeeded, result, null);
        }
        catch (Exception exception) when (!DurableContext.IsEngineFailure(exception))
        {
            var error = ErrorObjects.From(exception);
            if (!replayOnly)
            {
                ContextOutcome.Fail(_batch, item, subType, error);
            }

            Results[index] = new BatchItem<T>(index, BatchItemStatus.Failed, default, error);
        }
    }
}
