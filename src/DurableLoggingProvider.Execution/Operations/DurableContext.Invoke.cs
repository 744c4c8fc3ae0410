using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Chained invokes of other durable functions.</summary>
internal sealed partial class DurableContext
{
    public async Task<TResult> InvokeAsync<TPayload, TResult>(string functionName, TPayload payload, string? name = null, InvokeConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        cancellationToken.ThrowIfCancellationRequested();
        return await AwaitOperationAsync(OperationType.ChainedInvoke, OperationSubTypes.ChainedInvoke, name, async operation =>
        {
            var existing = operation.Existing;
            if (PhaseOf(existing) == CheckpointPhase.New)
            {
                var start = Update(operation, OperationType.ChainedInvoke, OperationSubTypes.ChainedInvoke, OperationAction.Start);
                start.Payload = _run.Serializer.Serialize(payload);
                start.ChainedInvokeOptions = new ChainedInvokeOptions { FunctionName = functionName, TenantId = config?.TenantId };

                // Its flow blocks on it at once: the START goes with the next call, at the latest when the invocation goes idle.
                Enqueue(start);
            }

            while (existing is null || !existing.Status.IsTerminal())
            {
                await BlockAsync(operation.Id, OperationType.ChainedInvoke, $"waiting for {functionName}").ConfigureAwait(false);
                existing = _run.State.Get(operation.Id);
            }

            return existing.Status == OperationStatus.Succeeded
                ? _run.Serializer.Deserialize<TResult>(existing.ChainedInvokeDetails?.Result)!
                : throw new InvokeException(operation.Id, operation.Name, existing.ChainedInvokeDetails?.Error);
        }).ConfigureAwait(false);
    }
}
