using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Creating a callback for an external system to answer. It is claimed like every operation, but not awaited
/// through the skeleton: by rule 5, creating a callback moves nothing, and its result is awaited later
/// (<see cref="CallbackResultOperation{T}"/>).
/// </summary>
internal static class CallbackOperation
{
    /// <param name="context">The context that creates it.</param>
    /// <param name="name">The callback operation's name, as checkpointed.</param>
    /// <param name="config">The callback's timeouts.</param>
    /// <param name="cancellationToken">Cancels the call before it is made.</param>
    public static async Task<ICallback<T>> CreateAsync<T>(DurableContext context, string? name, CallbackConfig? config, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Rule 5: creating a callback moves nothing by itself, so no rule applies after it.
        var operation = context.Claim(OperationType.Callback, OperationSubTypes.Callback, name);
        if (operation.Existing is null)
        {
            var start = context.Update(operation, OperationType.Callback, OperationSubTypes.Callback, OperationAction.Start);
            // Only the timeouts that are set: AWS's local checkpoint server arms a timer for a 0 and times the callback out at once.
            start.CallbackOptions = new CallbackOptions
            {
                TimeoutSeconds = config?.Timeout is { } timeout ? ServiceSeconds.From(timeout) : null,
                HeartbeatTimeoutSeconds = config?.HeartbeatTimeout is { } heartbeat ? ServiceSeconds.From(heartbeat) : null,
            };
            await context.SendAsync(start).ConfigureAwait(false);
        }

        var callbackId = context.Run.State.Get(operation.Id)?.CallbackDetails?.CallbackId;
        if (string.IsNullOrEmpty(callbackId))
        {
            throw new DurableExecutionException(
                $"The durable service returned no CallbackId for callback {DurableContext.Quote(operation.Name)} (operation {operation.Id}); the callback cannot be answered.");
        }

        context.Rules.CallbackCreated(operation.Id);

        return new Callback<T>(context, operation, callbackId);
    }
}
