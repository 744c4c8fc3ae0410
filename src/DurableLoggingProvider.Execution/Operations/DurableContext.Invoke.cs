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
        var operation = Claim(OperationType.ChainedInvoke, OperationSubTypes.ChainedInvoke, name);
        try
        {
            var existing = operation.Existing;
            switch (existing?.Status)
            {
                case null:
                    var start = Update(operation, OperationType.ChainedInvoke, OperationSubTypes.ChainedInvoke, OperationAction.Start);
                    start.Payload = _run.Serializer.Serialize(payload);
                    start.ChainedInvokeOptions = new ChainedInvokeOptions { FunctionName = functionName, TenantId = config?.TenantId };
                    await SendAsync(start).ConfigureAwait(false);
                    return await BlockAsync<TResult>(operation.Id, OperationType.ChainedInvoke, $"waiting for {functionName}").ConfigureAwait(false);
                case OperationStatus.Succeeded:
                    return _run.Serializer.Deserialize<TResult>(existing.ChainedInvokeDetails?.Result)!;
                case { } status when status.IsTerminal():
                    throw new InvokeException(operation.Id, operation.Name, existing.ChainedInvokeDetails?.Error);
                default:
                    return await BlockAsync<TResult>(operation.Id, OperationType.ChainedInvoke, $"waiting for {functionName}").ConfigureAwait(false);
            }
        }
        finally
        {
            AfterAwait(operation.Id);
        }
    }
}
