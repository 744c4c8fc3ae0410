using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A chained invoke of another durable function, checkpointed so that it is not fired twice.</summary>
/// <param name="functionName">The function to invoke.</param>
/// <param name="payload">Its input.</param>
/// <param name="name">The operation's name.</param>
/// <param name="config">The tenant to invoke for.</param>
/// <param name="cancellationToken">Cancels the invoke before it begins.</param>
internal readonly struct InvokeOperation<TPayload, TResult>(string functionName, TPayload payload, string? name, InvokeConfig? config, CancellationToken cancellationToken)
    : IDurableOperation<TResult>
{
    public OperationType Type => OperationType.ChainedInvoke;

    public string SubType => OperationSubTypes.ChainedInvoke;

    public string? Name => name;

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public async ValueTask<TResult> RunAsync(DurableContext context, ClaimedOperation operation)
    {
        var existing = operation.Existing;
        if (OperationSkeleton.PhaseOf(existing) == CheckpointPhase.New)
        {
            var start = context.Update(operation, OperationType.ChainedInvoke, OperationSubTypes.ChainedInvoke, OperationAction.Start);
            start.Payload = context.Run.Serializer.Serialize(payload);
            start.ChainedInvokeOptions = new ChainedInvokeOptions { FunctionName = functionName, TenantId = config?.TenantId };

            // Its flow blocks on it at once: the START goes with the next call, at the latest when the invocation goes idle.
            context.Enqueue(start);
        }

        while (existing is null || !existing.Status.IsTerminal())
        {
            await context.BlockAsync(operation.Id, OperationType.ChainedInvoke, $"waiting for {functionName}").ConfigureAwait(false);
            existing = context.Run.State.Get(operation.Id);
        }

        return existing.Status == OperationStatus.Succeeded
            ? context.Run.Serializer.Deserialize<TResult>(existing.ChainedInvokeDetails?.Result)!
            : throw new InvokeException(operation.Id, operation.Name, existing.ChainedInvokeDetails?.Error);
    }
}
