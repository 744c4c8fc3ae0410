using System;
using System.Text.Json;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// A map or a parallel: one <c>CONTEXT</c> operation whose items or branches run concurrently, each in a
/// child context of it (see <see cref="BatchRun{TItems, T}"/>). Its summary is checkpointed as its result.
/// </summary>
/// <param name="items">The items or branches.</param>
/// <param name="name">The batch's name.</param>
/// <param name="maxConcurrency">How many run at once; <see langword="null"/> for all.</param>
internal readonly struct BatchOperation<TItems, T>(TItems items, string? name, int? maxConcurrency) : IDurableOperation<BatchResult<T>>
    where TItems : IBatchItems<T>
{
    public OperationType Type => OperationType.Context;

    public string SubType => items.SubType;

    public string? Name => name;

    public void Validate()
    {
        if (maxConcurrency is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "At least one item must be allowed to run at a time.");
        }
    }

    public async ValueTask<BatchResult<T>> RunAsync(DurableContext context, ClaimedOperation operation)
    {
        var count = items.Count;
        var existing = operation.Existing;
        switch (OperationSkeleton.PhaseOf(existing))
        {
            case CheckpointPhase.Succeeded:
                return FromSummary(context, existing!.ContextDetails?.Result, count);
            case CheckpointPhase.Failed:
                throw new DurableOperationFailedException(operation.Id, operation.Name, existing!.ContextDetails?.Error);
            case CheckpointPhase.New:
                // With its items' STARTs, it rides on the first call an item makes (see the child context's START).
                context.Enqueue(context.Update(operation, OperationType.Context, items.SubType, OperationAction.Start));
                break;
        }

        // Items start with the creator's status as it is now, before claiming their ids moves anything.
        var creatorReplaying = context.State.IsReplaying;
        var replayOnly = ReplayRules.ReplayChildrenSeed(existing);
        var batch = context.CreateChild(operation, ReplayRules.ChildSeed(creatorReplaying, replayOnly), context.Flow, replayOnly);
        var claimed = new ClaimedOperation[count];
        for (var i = 0; i < count; i++)
        {
            claimed[i] = batch.Claim(OperationType.Context, items.ItemSubType, items.ItemName(i));
        }

        // The items that start at once have their STARTs queued now, so that they all go in one call with the
        // batch's; an item that waits for a free worker queues its own when it starts.
        var workers = Math.Min(count, maxConcurrency ?? count);
        for (var i = 0; i < workers; i++)
        {
            if (claimed[i].Existing is null)
            {
                batch.Enqueue(batch.Update(claimed[i], OperationType.Context, items.ItemSubType, OperationAction.Start));
            }
        }

        var run = new BatchRun<TItems, T>(batch, items, claimed, startsQueued: workers, creatorReplaying);
        await run.RunAsync(workers).ConfigureAwait(false);

        if (!replayOnly)
        {
            ContextOutcome.Succeed(context, operation, items.SubType, ToSummary(context, run.Results));
        }

        return new BatchResult<T>(run.Results);
    }

    private static string ToSummary(DurableContext context, BatchItem<T>[] results)
    {
        var summary = new BatchSummary();
        foreach (var item in results)
        {
            summary.Items.Add(new BatchSummaryItem
            {
                Succeeded = item.Status == BatchItemStatus.Succeeded,
                Result = item.Status == BatchItemStatus.Succeeded ? context.Run.Serializer.Serialize(item.Result) : null,
                Error = item.Error,
            });
        }

        return JsonSerializer.Serialize(summary, BatchSummaryJsonContext.Default.BatchSummary);
    }

    private static BatchResult<T> FromSummary(DurableContext context, string? json, int count)
    {
        var summary = string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, BatchSummaryJsonContext.Default.BatchSummary);
        if (summary is null || summary.Items.Count != count)
        {
            throw context.NonDeterminism(
                $"The checkpointed batch holds {summary?.Items.Count ?? 0} item(s), but the code now runs {count}. Workflow code must pass the same items on every invocation.");
        }

        var results = new BatchItem<T>[count];
        for (var i = 0; i < count; i++)
        {
            var stored = summary.Items[i];
            results[i] = stored.Succeeded
                ? new BatchItem<T>(i, BatchItemStatus.Succeeded, context.Run.Serializer.Deserialize<T>(stored.Result), null)
                : new BatchItem<T>(i, BatchItemStatus.Failed, default, stored.Error);
        }

        return new BatchResult<T>(results);
    }
}
