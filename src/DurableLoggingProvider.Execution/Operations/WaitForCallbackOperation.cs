using System;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// A wait-for-callback's body, run in its own <c>CONTEXT</c> (see <see cref="ChildContextOperation{TBody, T}"/>):
/// create a callback named like the wait-for-callback, hand its id to the submitter in a step, and await the
/// answer. It fails as a callback does: <see cref="CallbackTimeoutException"/> when the callback timed out,
/// <see cref="CallbackFailedException"/> for any other failure, in this invocation and on every replay.
/// </summary>
/// <param name="submitter">Hands the callback id to the external system.</param>
/// <param name="name">The wait-for-callback's name, which its callback carries too.</param>
/// <param name="config">Timeouts and the submitter's retries.</param>
/// <param name="cancellationToken">Cancels the calls inside it before they begin.</param>
internal readonly struct WaitForCallbackOperation<T>(Func<string, IWaitForCallbackContext, Task> submitter, string? name, WaitForCallbackConfig? config, CancellationToken cancellationToken)
    : IChildContextBody<T>
{
    /// <summary>
    /// The <c>ErrorType</c> a wait-for-callback's <c>FAIL</c> records when its callback timed out. The real service
    /// drops a finished context's children, so the stored error is all a replay has to tell a time-out from a failure.
    /// </summary>
    internal static readonly string TimedOutErrorType = typeof(CallbackTimeoutException).FullName!;

    public async Task<T> RunAsync(DurableContext context)
    {
        var callback = await CallbackOperation.CreateAsync<T>(
            context, name, new CallbackConfig { Timeout = config?.Timeout, HeartbeatTimeout = config?.HeartbeatTimeout }, cancellationToken).ConfigureAwait(false);
        var submit = submitter;
        await context.StepAsync(
            step => submit(callback.CallbackId, (IWaitForCallbackContext)step),
            "submitter",
            new StepConfig { RetryStrategy = config?.SubmitterRetryStrategy ?? RetryStrategy.Default },
            cancellationToken).ConfigureAwait(false);
        return await callback.GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    public ErrorObject ErrorOf(Exception exception)
    {
        var error = ErrorObjects.From(exception);
        if (exception is CallbackTimeoutException)
        {
            error.ErrorType = TimedOutErrorType;
        }

        return error;
    }

    public Exception Failure(ClaimedOperation operation, ErrorObject? error, Exception? exception) =>
        exception is CallbackTimeoutException || (exception is null && error?.ErrorType == TimedOutErrorType)
            ? new CallbackTimeoutException(operation.Id, operation.Name, error, exception)
            : new CallbackFailedException(operation.Id, operation.Name, error, exception);
}
