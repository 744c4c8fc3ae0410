using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A step: a checkpointed body with retries, replayed from its checkpoint once it has ended.</summary>
/// <param name="func">The body, when it returns a value.</param>
/// <param name="action">The body, when it returns none (then <typeparamref name="T"/> is <see cref="object"/> and the result <see langword="null"/>).</param>
/// <param name="name">The step's name.</param>
/// <param name="config">Its retry strategy and semantics.</param>
/// <param name="cancellationToken">Cancels the step before it begins.</param>
internal readonly struct StepOperation<T>(Func<IStepContext, Task<T>>? func, Func<IStepContext, Task>? action, string? name, StepConfig config, CancellationToken cancellationToken)
    : IDurableOperation<T>, IOperationBody<T>
{
    public OperationType Type => OperationType.Step;

    public string SubType => OperationSubTypes.Step;

    public string? Name => name;

    public void Validate()
    {
        if (action is null)
        {
            ArgumentNullException.ThrowIfNull(func);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public async ValueTask<T> RunAsync(DurableContext context, ClaimedOperation operation)
    {
        var existing = operation.Existing;
        while (true)
        {
            switch (OperationSkeleton.PhaseOf(existing))
            {
                case CheckpointPhase.Succeeded or CheckpointPhase.ReplayChildren:
                    return context.Run.Serializer.Deserialize<T>(existing!.StepDetails?.Result)!;
                case CheckpointPhase.Failed:
                    throw new StepException(operation.Id, operation.Name, existing!.StepDetails?.Error);
                case CheckpointPhase.Pending:
                    await context.BlockAsync(operation.Id, OperationType.Step, "waiting for the next attempt's delay").ConfigureAwait(false);
                    existing = context.Run.State.Get(operation.Id);
                    continue;
            }

            var attempt = await RunAttemptAsync(context, operation, existing).ConfigureAwait(false);
            if (attempt.Done)
            {
                return attempt.Result;
            }

            // A retry was checkpointed: the attempt after it runs here if the service makes it ready in this invocation.
            await context.BlockAsync(operation.Id, OperationType.Step, attempt.Pending!).ConfigureAwait(false);
            existing = context.Run.State.Get(operation.Id);
        }
    }

    public Task<T> RunAsync(OperationBodyContext context) => func is not null ? func(context) : RunActionAsync(context);

    private async Task<T> RunActionAsync(OperationBodyContext context)
    {
        await action!(context).ConfigureAwait(false);
        return default!;
    }

    /// <summary>
    /// Runs one attempt of a step that is new, READY, or STARTED by an interrupted invocation: its result, or
    /// the reason it waits for a retry.
    /// </summary>
    private async Task<(bool Done, T Result, string? Pending)> RunAttemptAsync(DurableContext context, ClaimedOperation operation, Operation? existing)
    {
        // Read only while the step is unfinished: the service raises Attempt again on SUCCEED and FAIL.
        var attempt = (existing?.StepDetails?.Attempt ?? 0) + 1;
        var interrupted = existing?.Status == OperationStatus.Started;
        var atMostOnce = config.Semantics == StepSemantics.AtMostOncePerRetry;
        if (interrupted && atMostOnce)
        {
            // The attempt counts as failed; the strategy's RETRY or FAIL is allowed from STARTED, a START is not.
            var lost = new InvalidOperationException(
                $"Attempt {attempt} of step {DurableContext.Quote(operation.Name)} began in an earlier invocation that ended before it finished; with at-most-once semantics it is not run again.");
            return await AfterFailedAttemptAsync(context, operation, attempt, lost).ConfigureAwait(false);
        }

        context.Rules.StepNotTerminal(operation.Id, existing is null ? "new step" : "the step runs again as a new attempt");
        if (!interrupted)
        {
            // A STARTED step re-runs under the START it has: the service accepts START only for a new or READY step.
            var start = context.Update(operation, OperationType.Step, OperationSubTypes.Step, OperationAction.Start);
            if (atMostOnce)
            {
                // At most once: the attempt must be on record before its body runs, so that a lost invocation never runs it twice.
                await context.SendAsync(start).ConfigureAwait(false);
            }
            else
            {
                // At least once: the START goes with the attempt's outcome, in one call. Lost before that call, the
                // attempt has no checkpoint and runs again, which at-least-once allows.
                context.Enqueue(start);
            }
        }

        T result;
        try
        {
            result = await context.RunBodyAsync<StepOperation<T>, T>(operation, attempt, this).ConfigureAwait(false);
        }
        catch (Exception exception) when (!DurableContext.IsEngineFailure(exception))
        {
            return await AfterFailedAttemptAsync(context, operation, attempt, exception).ConfigureAwait(false);
        }

        var succeed = context.Update(operation, OperationType.Step, OperationSubTypes.Step, OperationAction.Succeed);
        succeed.Payload = context.Run.Serializer.Serialize(result);
        await context.SendAsync(succeed).ConfigureAwait(false);
        return (true, result, null);
    }

    /// <summary>
    /// Checkpoints a failed attempt: a retry after the strategy's delay (returned as the reason the step now waits),
    /// or the step's failure (thrown).
    /// </summary>
    private async Task<(bool Done, T Result, string? Pending)> AfterFailedAttemptAsync(DurableContext context, ClaimedOperation operation, int attempt, Exception exception)
    {
        var error = ErrorObjects.From(exception);
        var decision = config.RetryStrategy.ShouldRetry(exception, attempt);
        if (decision.ShouldRetry)
        {
            var seconds = ServiceSeconds.From(decision.Delay);
            var retry = context.Update(operation, OperationType.Step, OperationSubTypes.Step, OperationAction.Retry);
            retry.Error = error;
            retry.StepOptions = new StepOptions { NextAttemptDelaySeconds = seconds };

            // Awaited, so that the state shows the step PENDING before its flow blocks: a READY step would resume at once.
            await context.SendAsync(retry).ConfigureAwait(false);
            return (false, default!, $"attempt {attempt.ToString(CultureInfo.InvariantCulture)} failed; the next runs in {seconds.ToString(CultureInfo.InvariantCulture)} s");
        }

        var fail = context.Update(operation, OperationType.Step, OperationSubTypes.Step, OperationAction.Fail);
        fail.Error = error;
        await context.SendAsync(fail).ConfigureAwait(false);
        throw new StepException(operation.Id, operation.Name, error, exception);
    }
}
