using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Callbacks answered by external systems, and wait-for-callback.</summary>
internal sealed partial class DurableContext
{
    public async Task<ICallback<T>> CreateCallbackAsync<T>(string? name = null, CallbackConfig? config = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Rule 5: creating a callback moves nothing by itself, so no AfterAwait here.
        var operation = Claim(OperationType.Callback, OperationSubTypes.Callback, name);
        if (operation.Existing is null)
        {
            var start = Update(operation, OperationType.Callback, OperationSubTypes.Callback, OperationAction.Start);
            start.CallbackOptions = new CallbackOptions
            {
                TimeoutSeconds = config?.Timeout is { } timeout ? WholeSeconds(timeout) : 0,
                HeartbeatTimeoutSeconds = config?.HeartbeatTimeout is { } heartbeat ? WholeSeconds(heartbeat) : 0,
            };
            await SendAsync(start).ConfigureAwait(false);
        }

        var callbackId = _run.State.Get(operation.Id)?.CallbackDetails?.CallbackId;
        if (string.IsNullOrEmpty(callbackId))
        {
            throw new DurableExecutionException(
                $"The durable service returned no CallbackId for callback {Quote(operation.Name)} (operation {operation.Id}); the callback cannot be answered.");
        }

        lock (_callbacksLock)
        {
            _unawaitedCallbacks.Add(operation.Id);
        }

        return new Callback<T>(this, operation, callbackId);
    }

    public Task<T> WaitForCallbackAsync<T>(Func<string, IWaitForCallbackContext, Task> submitter, string? name = null, WaitForCallbackConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        cancellationToken.ThrowIfCancellationRequested();
        return RunContextAsync(OperationSubTypes.WaitForCallback, name, async child =>
        {
            var callback = await child.CreateCallbackAsync<T>(
                null, new CallbackConfig { Timeout = config?.Timeout, HeartbeatTimeout = config?.HeartbeatTimeout }, cancellationToken).ConfigureAwait(false);
            await child.StepAsync(
                step => submitter(callback.CallbackId, (IWaitForCallbackContext)step),
                "submitter",
                new StepConfig { RetryStrategy = config?.SubmitterRetryStrategy ?? RetryStrategy.Default },
                cancellationToken).ConfigureAwait(false);
            return await callback.GetResultAsync(cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// The await of a callback's result, in this context (the one whose code awaits it): the answer, the
    /// failure, or a suspension of this context's flow until it comes.
    /// </summary>
    /// <param name="creator">The context that created the callback and keeps it among its unawaited ones.</param>
    /// <param name="operation">The callback's operation.</param>
    private async Task<T> AwaitCallbackAsync<T>(DurableContext creator, ClaimedOperation operation)
    {
        lock (creator._callbacksLock)
        {
            creator._unawaitedCallbacks.Remove(operation.Id);
        }

        try
        {
            var current = _run.State.Get(operation.Id);
            return current?.Status switch
            {
                OperationStatus.Succeeded => _run.Serializer.Deserialize<T>(current.CallbackDetails?.Result)!,
                OperationStatus.TimedOut => throw new CallbackTimeoutException(operation.Id, operation.Name, current.CallbackDetails?.Error),
                { } status when status.IsTerminal() => throw new CallbackFailedException(operation.Id, operation.Name, current.CallbackDetails?.Error),
                _ => await BlockAsync<T>(operation.Id, OperationType.Callback, "waiting for the callback's answer").ConfigureAwait(false),
            };
        }
        finally
        {
            AfterAwait(operation.Id);
        }
    }

    private sealed class Callback<T>(DurableContext context, ClaimedOperation operation, string callbackId) : ICallback<T>
    {
        public string CallbackId { get; } = callbackId;

        public Task<T> GetResultAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Code in a child context or branch may await a callback its creator made: the blocked flow, and the
            // context that goes live when the answer comes, are the awaiting code's, not the creator's.
            var awaiting = s_current.Value is { } current && current._run == context._run ? current : context;
            return awaiting.AwaitCallbackAsync<T>(context, operation);
        }
    }
}
