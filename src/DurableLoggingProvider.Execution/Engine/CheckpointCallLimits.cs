using System;
using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// What one <c>CheckpointDurableExecution</c> call may hold (durable-wire-format.md section 4): at most
/// 200 updates and about 750 KB of them, and an operation id at most once, except that a STEP's or a
/// CONTEXT's <c>START</c> may be followed by one other action for the same id (a step's START with its
/// outcome), as AWS's checkpoint server allows.
/// </summary>
internal static class CheckpointCallLimits
{
    public const int MaxUpdates = 200;

    /// <summary>The updates' bytes one call may carry, below the service's limit of about 750 KB, leaving room for the request's own fields.</summary>
    public const int MaxUpdateBytes = 740 * 1024;

    /// <summary>How many of the queue's first updates go in the next call: at least one, as many as the limits allow.</summary>
    public static int Take(IReadOnlyList<QueuedUpdate> queue)
    {
        var ids = new Dictionary<string, (OperationUpdate First, int Count)>(StringComparer.Ordinal);
        var bytes = 0;
        var count = 0;
        while (count < queue.Count && count < MaxUpdates)
        {
            var next = queue[count];
            var joins = MayJoin(ids, next.Update);
            if (count > 0 && (bytes + next.Bytes > MaxUpdateBytes || !joins))
            {
                break;
            }

            bytes += next.Bytes;
            count++;
        }

        return count;
    }

    private static bool MayJoin(Dictionary<string, (OperationUpdate First, int Count)> ids, OperationUpdate update)
    {
        if (!ids.TryGetValue(update.Id, out var seen))
        {
            ids[update.Id] = (update, 1);
            return true;
        }

        ids[update.Id] = (seen.First, seen.Count + 1);
        return seen.Count == 1
            && seen.First.Action == OperationAction.Start
            && update.Action != OperationAction.Start
            && seen.First.Type is OperationType.Step or OperationType.Context;
    }
}
