using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// A wait-for-callback's body, run in its own <c>CONTEXT</c> (see <see cref="ChildContextOperation{TBody, T}"/>):
/// create a callback, hand its id to the submitter in a step, and await the answer.
/// </summary>
/// <param name="submitter">Hands the callback id to the external system.</param>
/// <param name="name">The wait-for-callback's name.</param>
/// <param name="config">Timeouts and the submitter's retries.</param>
/// <param name="cancellationToken">Cancels the calls inside it before they begin.</param>
internal readonly struct WaitForCallbackOperation<T>(Func<string, IWaitForCallbackContext, Task> submitter, string? name, WaitForCallbackConfig? config, CancellationToken cancellationToken)
    : IChildContextBody<T>
{
    public async Task<T> RunAsync(DurableContext context)
    {
        var callback = await CallbackOperation.CreateAsync<T>(
            context, null, name, new CallbackConfig { Timeout = config?.Timeout, HeartbeatTimeout = config?.HeartbeatTimeout }, cancellationToken).ConfigureAwait(false);
        var submit = submitter;
        await context.StepAsync(
            step => submit(callback.CallbackId, (IWaitForCallbackContext)step),
            "submitter",
            new StepConfig { RetryStrategy = config?.SubmitterRetryStrategy ?? RetryStrategy.Default },
            cancellationToken).ConfigureAwait(false);
        return await callback.GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    public Exception Failure(ClaimedOperation operation, ErrorObject? error, Exception? exception) =>
        new ChildContextException(operation.Id, operation.Name, error, exception);
}
