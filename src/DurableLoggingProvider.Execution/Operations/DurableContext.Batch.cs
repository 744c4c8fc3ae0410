using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Map and parallel: items or branches run concurrently, each in a child context of the batch's <c>CONTEXT</c> operation.</summary>
internal sealed partial class DurableContext
{
    public Task<BatchResult<TResult>> MapAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<IDurableContext, TItem, int, Task<TResult>> func, string? name = null, MapConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(func);
        cancellationToken.ThrowIfCancellationRequested();
        return RunBatchAsync<TResult>(OperationSubTypes.Map, OperationSubTypes.MapIteration, name, items.Count, (context, index) => func(context, items[index], index), config?.MaxConcurrency);
    }

    public Task<BatchResult<TResult>> ParallelAsync<TResult>(IReadOnlyList<Func<IDurableContext, Task<TResult>>> branches, string? name = null, ParallelConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(branches);
        cancellationToken.ThrowIfCancellationRequested();
        return RunBatchAsync<TResult>(OperationSubTypes.Parallel, OperationSubTypes.ParallelBranch, name, branches.Count, (context, index) => branches[index](context), config?.MaxConcurrency);
    }

    private async Task<BatchResult<T>> RunBatchAsync<T>(string subType, string itemSubType, string? name, int count, Func<DurableContext, int, Task<T>> run, int? maxConcurrency)
    {
        if (maxConcurrency is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "At least one item must be allowed to run at a time.");
        }

        return await AwaitOperationAsync(OperationType.Context, subType, name, operation => RunClaimedBatchAsync(operation, subType, itemSubType, count, run, maxConcurrency)).ConfigureAwait(false);
    }

    private async Task<BatchResult<T>> RunClaimedBatchAsync<T>(ClaimedOperation operation, string subType, string itemSubType, int count, Func<DurableContext, int, Task<T>> run, int? maxConcurrency)
    {
        var existing = operation.Existing;
        switch (PhaseOf(existing))
        {
            case CheckpointPhase.Succeeded:
                return FromSummary<T>(existing!.ContextDetails?.Result, count);
            case CheckpointPhase.Failed:
                throw new DurableOperationFailedException(operation.Id, operation.Name, existing!.ContextDetails?.Error);
            case CheckpointPhase.New:
                // With its items' STARTs, it rides on the first call an item makes (see the child context's START).
                Enqueue(Update(operation, OperationType.Context, subType, OperationAction.Start));
                break;
        }

        // Items start with the creator's status as it is now, before claiming their ids moves anything.
        var creatorReplaying = State.IsReplaying;
        var replayOnly = ReplayRules.ReplayChildrenSeed(existing);
        var batch = CreateChild(operation.Id, ReplayRules.ChildSeed(creatorReplaying, replayOnly), _flow, replayOnly);
        var claimed = new ClaimedOperation[count];
        for (var i = 0; i < count; i++)
        {
            claimed[i] = batch.Claim(OperationType.Context, itemSubType, null);
        }

        // The items that start at once have their STARTs queued now, so that they all go in one call with the
        // batch's; an item that waits for a free worker queues its own when it starts.
        var workers = Math.Min(count, maxConcurrency ?? count);
        for (var i = 0; i < workers; i++)
        {
            if (claimed[i].Existing is null)
            {
                batch.Enqueue(batch.Update(claimed[i], OperationType.Context, itemSubType, OperationAction.Start));
            }
        }

        var items = new BatchItem<T>[count];
        await RunWorkersAsync(count, maxConcurrency ?? count, (index, flow) =>
            batch.RunBatchItemAsync(claimed[index], itemSubType, index, startQueued: index < workers, creatorReplaying, flow, run, items)).ConfigureAwait(false);

        if (!replayOnly)
        {
            SucceedContext(operation, subType, ToSummary(items));
        }

        return new BatchResult<T>(items);
    }

    /// <summary>
    /// Runs items on up to <paramref name="workers"/> concurrent workers, each its own flow. The creator's
    /// turn passes to the workers and back to it from the last one to finish; a worker whose item waits on
    /// the service blocks, and the rest carry on until every flow is blocked.
    /// </summary>
    private async Task RunWorkersAsync(int count, int workers, Func<int, ExecutionFlow, Task> runItem)
    {
        workers = Math.Min(count, workers);
        if (workers == 0)
        {
            return;
        }

        var next = -1;
        var running = workers;
        _run.Running.Add(workers - 1);
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Run(async () =>
            {
                try
                {
                    var flow = new ExecutionFlow();
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < count)
                    {
                        await runItem(index, flow).ConfigureAwait(false);
                    }
                }
                finally
                {
                    if (Interlocked.Decrement(ref running) != 0)
                    {
                        _run.Running.Remove();
                    }
                }
            });
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Runs (or replays) one item in its own child context; its failure is recorded, not thrown.</summary>
    private async Task RunBatchItemAsync<T>(ClaimedOperation item, string itemSubType, int index, bool startQueued, bool creatorReplaying, ExecutionFlow flow, Func<DurableContext, int, Task<T>> run, BatchItem<T>[] items)
    {
        var existing = item.Existing;
        switch (PhaseOf(existing))
        {
            case CheckpointPhase.Succeeded:
                items[index] = new BatchItem<T>(index, BatchItemStatus.Succeeded, _run.Serializer.Deserialize<T>(existing!.ContextDetails?.Result), null);
                return;
            case CheckpointPhase.Failed:
                items[index] = new BatchItem<T>(index, BatchItemStatus.Failed, default, existing!.ContextDetails?.Error);
                return;
            case CheckpointPhase.New when !startQueued:
                Enqueue(Update(item, OperationType.Context, itemSubType, OperationAction.Start));
                break;
        }

        var replayOnly = ReplayRules.ReplayChildrenSeed(existing);
        var context = CreateChild(item.Id, ReplayRules.ItemSeed(existing, creatorReplaying, replayOnly), flow, replayOnly);
        try
        {
            var result = await RunInContextAsync(context, child => run(child, index)).ConfigureAwait(false);
            if (!replayOnly)
            {
                SucceedContext(item, itemSubType, _run.Serializer.Serialize(result));
            }

            items[index] = new BatchItem<T>(index, BatchItemStatus.Succeeded, result, null);
        }
        catch (Exception exception) when (!IsEngineFailure(exception))
        {
            var error = ErrorObjects.From(exception);
            if (!replayOnly)
            {
                var fail = Update(item, OperationType.Context, itemSubType, OperationAction.Fail);
                fail.Error = error;
                Enqueue(fail);
            }

            items[index] = new BatchItem<T>(index, BatchItemStatus.Failed, default, error);
        }
    }

    private string ToSummary<T>(BatchItem<T>[] items)
    {
        var summary = new BatchSummary();
        foreach (var item in items)
        {
            summary.Items.Add(new BatchSummaryItem
            {
                Succeeded = item.Status == BatchItemStatus.Succeeded,
                Result = item.Status == BatchItemStatus.Succeeded ? _run.Serializer.Serialize(item.Result) : null,
                Error = item.Error,
            });
        }

        return JsonSerializer.Serialize(summary, BatchSummaryJsonContext.Default.BatchSummary);
    }

    private BatchResult<T> FromSummary<T>(string? json, int count)
    {
        var summary = string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, BatchSummaryJsonContext.Default.BatchSummary);
        if (summary is null || summary.Items.Count != count)
        {
            throw NonDeterminism(
                $"The checkpointed batch holds {summary?.Items.Count ?? 0} item(s), but the code now runs {count}. Workflow code must pass the same items on every invocation.");
        }

        var items = new BatchItem<T>[count];
        for (var i = 0; i < count; i++)
        {
            var stored = summary.Items[i];
            items[i] = stored.Succeeded
                ? new BatchItem<T>(i, BatchItemStatus.Succeeded, _run.Serializer.Deserialize<T>(stored.Result), null)
                : new BatchItem<T>(i, BatchItemStatus.Failed, default, stored.Error);
        }

        return new BatchResult<T>(items);
    }
}
