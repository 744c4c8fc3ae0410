using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>Wait-for-condition: a checkpointed check, repeated with the execution suspended in between.</summary>
internal sealed partial class DurableContext
{
    public async Task<TState> WaitForConditionAsync<TState>(Func<TState, IConditionCheckContext, CancellationToken, Task<TState>> check, WaitForConditionConfig<TState> config, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(config);
        cancellationToken.ThrowIfCancellationRequested();
        return await AwaitOperationAsync(
            OperationType.Step, OperationSubTypes.WaitForCondition, name, operation => RunConditionAsync(operation, check, config, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<TState> RunConditionAsync<TState>(
        ClaimedOperation operation, Func<TState, IConditionCheckContext, CancellationToken, Task<TState>> check, WaitForConditionConfig<TState> config, CancellationToken cancellationToken)
    {
        var existing = operation.Existing;
        while (true)
        {
            switch (PhaseOf(existing))
            {
                case CheckpointPhase.Succeeded or CheckpointPhase.ReplayChildren:
                    return _run.Serializer.Deserialize<TState>(existing!.StepDetails?.Result)!;
                case CheckpointPhase.Failed:
                    throw new StepException(operation.Id, operation.Name, existing!.StepDetails?.Error);
                case CheckpointPhase.Pending:
                    await BlockAsync(operation.Id, OperationType.Step, "waiting to check the condition again").ConfigureAwait(false);
                    existing = _run.State.Get(operation.Id);
                    continue;
            }

            var outcome = await CheckConditionAsync(operation, existing, check, config, cancellationToken).ConfigureAwait(false);
            if (outcome.Done)
            {
                return outcome.State;
            }

            // The next check runs here if the service makes it ready in this invocation.
            await BlockAsync(operation.Id, OperationType.Step, outcome.Pending!).ConfigureAwait(false);
            existing = _run.State.Get(operation.Id);
        }
    }

    /// <summary>Runs one check of a condition that is new, READY, or STARTED by an interrupted invocation: its final state, or the reason it waits for the next check.</summary>
    private async Task<(bool Done, TState State, string? Pending)> CheckConditionAsync<TState>(
        ClaimedOperation operation, Operation? existing, Func<TState, IConditionCheckContext, CancellationToken, Task<TState>> check, WaitForConditionConfig<TState> config, CancellationToken cancellationToken)
    {
        _rules.StepNotTerminal(operation.Id, existing is null ? "new condition" : "the condition is checked again");
        var attempt = (existing?.StepDetails?.Attempt ?? 0) + 1;
        var previous = existing?.StepDetails?.Result is { } stored ? _run.Serializer.Deserialize<TState>(stored)! : config.InitialState;
        if (existing?.Status != OperationStatus.Started)
        {
            // A check left STARTED by a lost invocation runs again under the START it has: the service refuses a second one.
            // A check runs at least once: its START goes with its outcome, in one call.
            Enqueue(Update(operation, OperationType.Step, OperationSubTypes.WaitForCondition, OperationAction.Start));
        }

        TState state;
        WaitDecision decision;
        try
        {
            state = await RunBodyAsync(operation, attempt, step => check(previous, step, cancellationToken)).ConfigureAwait(false);
            decision = config.WaitStrategy.Decide(state, attempt);
        }
        catch (Exception exception) when (!IsEngineFailure(exception))
        {
            var fail = Update(operation, OperationType.Step, OperationSubTypes.WaitForCondition, OperationAction.Fail);
            fail.Error = ErrorObjects.From(exception);
            await SendAsync(fail).ConfigureAwait(false);
            throw exception is WaitForConditionException ? exception : new StepException(operation.Id, operation.Name, fail.Error, exception);
        }

        var payload = _run.Serializer.Serialize(state);
        if (!decision.ShouldContinue)
        {
            var succeed = Update(operation, OperationType.Step, OperationSubTypes.WaitForCondition, OperationAction.Succeed);
            succeed.Payload = payload;
            await SendAsync(succeed).ConfigureAwait(false);
            return (true, state, null);
        }

        // The state rides on the retry, so that the next check, in a later invocation, is given it. Awaited, so that
        // the state shows the check PENDING before its flow blocks.
        var seconds = WholeSeconds(decision.Delay);
        var retry = Update(operation, OperationType.Step, OperationSubTypes.WaitForCondition, OperationAction.Retry);
        retry.Payload = payload;
        retry.StepOptions = new StepOptions { NextAttemptDelaySeconds = seconds };
        await SendAsync(retry).ConfigureAwait(false);
        return (false, state, $"check {attempt.ToString(CultureInfo.InvariantCulture)} did not hold; the next runs in {seconds.ToString(CultureInfo.InvariantCulture)} s");
    }
}
