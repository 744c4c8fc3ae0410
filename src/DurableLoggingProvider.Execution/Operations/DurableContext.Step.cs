using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Steps: checkpointed bodies with retries.</summary>
internal sealed partial class DurableContext
{
    public async Task<T> StepAsync<T>(Func<IStepContext, Task<T>> func, string? name = null, StepConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(func);
        cancellationToken.ThrowIfCancellationRequested();
        return await AwaitOperationAsync(OperationType.Step, OperationSubTypes.Step, name, operation => RunStepAsync(operation, func, config ?? s_defaultStepConfig)).ConfigureAwait(false);
    }

    public Task StepAsync(Func<IStepContext, Task> func, string? name = null, StepConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(func);
        return StepAsync<object?>(
            async step =>
            {
                await func(step).ConfigureAwait(false);
                return null;
            },
            name,
            config,
            cancellationToken);
    }

    private async Task<T> RunStepAsync<T>(ClaimedOperation operation, Func<IStepContext, Task<T>> func, StepConfig config)
    {
        var existing = operation.Existing;
        while (true)
        {
            switch (PhaseOf(existing))
            {
                case CheckpointPhase.Succeeded or CheckpointPhase.ReplayChildren:
                    return _run.Serializer.Deserialize<T>(existing!.StepDetails?.Result)!;
                case CheckpointPhase.Failed:
                    throw new StepException(operation.Id, operation.Name, existing!.StepDetails?.Error);
                case CheckpointPhase.Pending:
                    await BlockAsync(operation.Id, OperationType.Step, "waiting for the next attempt's delay").ConfigureAwait(false);
                    existing = _run.State.Get(operation.Id);
                    continue;
            }

            var attempt = await RunAttemptAsync(operation, existing, func, config).ConfigureAwait(false);
            if (attempt.Done)
            {
                return attempt.Result;
            }

            // A retry was checkpointed: the attempt after it runs here if the service makes it ready in this invocation.
            await BlockAsync(operation.Id, OperationType.Step, attempt.Pending!).ConfigureAwait(false);
            existing = _run.State.Get(operation.Id);
        }
    }

    /// <summary>
    /// Runs one attempt of a step that is new, READY, or STARTED by an interrupted invocation: its result, or
    /// the reason it waits for a retry.
    /// </summary>
    private async Task<(bool Done, T Result, string? Pending)> RunAttemptAsync<T>(ClaimedOperation operation, Operation? existing, Func<IStepContext, Task<T>> func, StepConfig config)
    {
        // Read only while the step is unfinished: the service raises Attempt again on SUCCEED and FAIL.
        var attempt = (existing?.StepDetails?.Attempt ?? 0) + 1;
        var interrupted = existing?.Status == OperationStatus.Started;
        var atMostOnce = config.Semantics == StepSemantics.AtMostOncePerRetry;
        if (interrupted && atMostOnce)
        {
            // The attempt counts as failed; the strategy's RETRY or FAIL is allowed from STARTED, a START is not.
            var lost = new InvalidOperationException(
                $"Attempt {attempt} of step {Quote(operation.Name)} began in an earlier invocation that ended before it finished; with at-most-once semantics it is not run again.");
            return await AfterFailedAttemptAsync<T>(operation, attempt, lost, config).ConfigureAwait(false);
        }

        _rules.StepNotTerminal(operation.Id, existing is null ? "new step" : "the step runs again as a new attempt");
        if (!interrupted)
        {
            // A STARTED step re-runs under the START it has: the service accepts START only for a new or READY step.
            var start = Update(operation, OperationType.Step, OperationSubTypes.Step, OperationAction.Start);
            if (atMostOnce)
            {
                // At most once: the attempt must be on record before its body runs, so that a lost invocation never runs it twice.
                await SendAsync(start).ConfigureAwait(false);
            }
            else
            {
                // At least once: the START goes with the attempt's outcome, in one call. Lost before that call, the
                // attempt has no checkpoint and runs again, which at-least-once allows.
                Enqueue(start);
            }
        }

        T result;
        try
        {
            result = await RunBodyAsync(operation, attempt, step => func(step)).ConfigureAwait(false);
        }
        catch (Exception exception) when (!IsEngineFailure(exception))
        {
            return await AfterFailedAttemptAsync<T>(operation, attempt, exception, config).ConfigureAwait(false);
        }

        var succeed = Update(operation, OperationType.Step, OperationSubTypes.Step, OperationAction.Succeed);
        succeed.Payload = _run.Serializer.Serialize(result);
        await SendAsync(succeed).ConfigureAwait(false);
        return (true, result, null);
    }

    /// <summary>
    /// Checkpoints a failed attempt: a retry after the strategy's delay (returned as the reason the step now waits),
    /// or the step's failure (thrown).
    /// </summary>
    private async Task<(bool Done, T Result, string? Pending)> AfterFailedAttemptAsync<T>(ClaimedOperation operation, int attempt, Exception exception, StepConfig config)
    {
        var error = ErrorObjects.From(exception);
        var decision = config.RetryStrategy.ShouldRetry(exception, attempt);
        if (decision.ShouldRetry)
        {
            var seconds = WholeSeconds(decision.Delay);
            var retry = Update(operation, OperationType.Step, OperationSubTypes.Step, OperationAction.Retry);
            retry.Error = error;
            retry.StepOptions = new StepOptions { NextAttemptDelaySeconds = seconds };

            // Awaited, so that the state shows the step PENDING before its flow blocks: a READY step would resume at once.
            await SendAsync(retry).ConfigureAwait(false);
            return (false, default!, $"attempt {attempt.ToString(CultureInfo.InvariantCulture)} failed; the next runs in {seconds.ToString(CultureInfo.InvariantCulture)} s");
        }

        var fail = Update(operation, OperationType.Step, OperationSubTypes.Step, OperationAction.Fail);
        fail.Error = error;
        await SendAsync(fail).ConfigureAwait(false);
        throw new StepException(operation.Id, operation.Name, error, exception);
    }

    /// <summary>A delay as the service's timers take it: whole seconds, at least one.</summary>
    private static int WholeSeconds(TimeSpan delay) => (int)Math.Clamp(Math.Ceiling(delay.TotalSeconds), 1, int.MaxValue);
}
