using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Callbacks answered by external systems, and wait-for-callback.</summary>
internal sealed partial class DurableContext
{
    public Task<ICallback<T>> CreateCallbackAsync<T>(string? name = null, CallbackConfig? config = null, CancellationToken cancellationToken = default) =>
        CreateCallbackAsync<T>(name, name, config, cancellationToken);

    /// <param name="name">The callback operation's name, as checkpointed.</param>
    /// <param name="describedAs">What errors about the callback call it (a wait-for-callback's callback has no name of its own).</param>
    /// <param name="config">The callback's timeouts.</param>
    /// <param name="cancellationToken">Cancels the call before it is made.</param>
    private async Task<ICallback<T>> CreateCallbackAsync<T>(string? name, string? describedAs, CallbackConfig? config, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Rule 5: creating a callback moves nothing by itself, so no rule applies after it.
        var operation = Claim(OperationType.Callback, OperationSubTypes.Callback, name);
        if (operation.Existing is null)
        {
            var start = Update(operation, OperationType.Callback, OperationSubTypes.Callback, OperationAction.Start);
            // Only the timeouts that are set: AWS's local checkpoint server arms a timer for a 0 and times the callback out at once.
            start.CallbackOptions = new CallbackOptions
            {
                TimeoutSeconds = config?.Timeout is { } timeout ? WholeSeconds(timeout) : null,
                HeartbeatTimeoutSeconds = config?.HeartbeatTimeout is { } heartbeat ? WholeSeconds(heartbeat) : null,
            };
            await SendAsync(start).ConfigureAwait(false);
        }

        var callbackId = _run.State.Get(operation.Id)?.CallbackDetails?.CallbackId;
        if (string.IsNullOrEmpty(callbackId))
        {
            throw new DurableExecutionException(
                $"The durable service returned no CallbackId for callback {Quote(operation.Name)} (operation {operation.Id}); the callback cannot be answered.");
        }

        _rules.CallbackCreated(operation.Id);

        return new Callback<T>(this, operation, callbackId, describedAs);
    }

    public Task<T> WaitForCallbackAsync<T>(Func<string, IWaitForCallbackContext, Task> submitter, string? name = null, WaitForCallbackConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        cancellationToken.ThrowIfCancellationRequested();
        return RunContextAsync(OperationSubTypes.WaitForCallback, name, async child =>
        {
            var callback = await child.CreateCallbackAsync<T>(
                null, name, new CallbackConfig { Timeout = config?.Timeout, HeartbeatTimeout = config?.HeartbeatTimeout }, cancellationToken).ConfigureAwait(false);
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
    /// <param name="describedAs">What errors call the callback.</param>
    private Task<T> AwaitCallbackAsync<T>(DurableContext creator, ClaimedOperation operation, string? describedAs)
    {
        creator._rules.CallbackAwaited(operation.Id);
        return AwaitClaimedAsync(operation, async claimed =>
        {
            var current = _run.State.Get(claimed.Id);
            while (current is null || !current.Status.IsTerminal())
            {
                await BlockAsync(claimed.Id, OperationType.Callback, "waiting for the callback's answer").ConfigureAwait(false);
                current = _run.State.Get(claimed.Id);
            }

            return current.Status switch
            {
                OperationStatus.Succeeded => ReadAnswer<T>(claimed, describedAs, current.CallbackDetails),
                OperationStatus.TimedOut => throw new CallbackTimeoutException(claimed.Id, claimed.Name, current.CallbackDetails?.Error),
                _ => throw new CallbackFailedException(claimed.Id, claimed.Name, current.CallbackDetails?.Error),
            };
        });
    }

    /// <summary>
    /// A callback's answer as the await's type. An external system may answer with plain text that is not JSON
    /// (AWS's own examples answer <c>result data</c>): a string-typed await gets that text as it is; any other
    /// type gets an error that names the callback.
    /// </summary>
    private T ReadAnswer<T>(ClaimedOperation operation, string? describedAs, CallbackDetails? details)
    {
        var answer = details?.Result;
        try
        {
            return _run.Serializer.Deserialize<T>(answer)!;
        }
        catch (JsonException) when (typeof(T) == typeof(string))
        {
            return (T)(object)answer!;
        }
        catch (JsonException exception)
        {
            throw new CallbackResultException(operation.Id, describedAs, details?.CallbackId, typeof(T), exception);
        }
    }

    private sealed class Callback<T>(DurableContext context, ClaimedOperation operation, string callbackId, string? describedAs) : ICallback<T>
    {
        public string CallbackId { get; } = callbackId;

        public Task<T> GetResultAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Code in a child context or branch may await a callback its creator made: the blocked flow, and the
            // context that goes live when the answer comes, are the awaiting code's, not the creator's.
            var awaiting = s_current.Value is { } current && current._run == context._run ? current : context;
            return awaiting.AwaitCallbackAsync<T>(context, operation, describedAs);
        }
    }
}
