namespace DurableLoggingProvider.Execution;

/// <summary>How a <c>CONTEXT</c> operation (a child context, a batch, an item) records that it ended.</summary>
internal static class ContextOutcome
{
    /// <summary>Results larger than this are not stored on a context: its children are kept and replayed instead.</summary>
    private const int MaxStoredResultLength = 256 * 1024;

    /// <summary>
    /// Queues a context's success; a result too large to store is left to be rebuilt by replaying the children.
    /// Like its failure, it is not awaited: the result is rebuilt from the children's checkpoints, which are on
    /// record, so a context whose outcome is lost runs its body again against them and ends the same way.
    /// </summary>
    /// <param name="creator">The context that claimed the operation.</param>
    /// <param name="operation">The context's operation.</param>
    /// <param name="subType">Its sub-type.</param>
    /// <param name="payload">Its serialized result.</param>
    public static void Succeed(DurableContext creator, ClaimedOperation operation, string subType, string? payload)
    {
        var succeed = creator.Update(operation, OperationType.Context, subType, OperationAction.Succeed);
        if (payload is not null && payload.Length > MaxStoredResultLength)
        {
            succeed.ContextOptions = new ContextOptions { ReplayChildren = true };
        }
        else
        {
            succeed.Payload = payload;
        }

        creator.Enqueue(succeed);
    }

    /// <summary>Queues a context's failure.</summary>
    /// <param name="creator">The context that claimed the operation.</param>
    /// <param name="operation">The context's operation.</param>
    /// <param name="subType">Its sub-type.</param>
    /// <param name="error">What it failed with.</param>
    public static void Fail(DurableContext creator, ClaimedOperation operation, string subType, ErrorObject error)
    {
        var fail = creator.Update(operation, OperationType.Context, subType, OperationAction.Fail);
        fail.Error = error;
        creator.Enqueue(fail);
    }
}
