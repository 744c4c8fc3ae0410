using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A wait-for-condition: a checkpointed check, repeated with the execution suspended in between.</summary>
/// <param name="check">Given the previous state, returns the next.</param>
/// <param name="config">The initial state and the wait strategy.</param>
/// <param name="name">The operation's name.</param>
/// <param name="cancellationToken">Cancels the operation before it begins; handed to each check.</param>
internal readonly struct ConditionOperation<TState>(
    Func<TState, IConditionCheckContext, CancellationToken, Task<TState>> check, WaitForConditionConfig<TState> config, string? name, CancellationToken cancellationToken)
    : IDurableOperation<TState>
{
    public OperationType Type => OperationType.Step;

    public string SubType => OperationSubTypes.WaitForCondition;

    public string? Name => name;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(config);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public async ValueTask<TState> RunAsync(DurableContext context, ClaimedOperation operation)
    {
        var existing = operation.Existing;
        while (true)
        {
            switch (OperationSkeleton.PhaseOf(existing))
            {
                case CheckpointPhase.Succeeded or CheckpointPhase.ReplayChildren:
                    return context.Run.Serializer.Deserialize<TState>(existing!.StepDetails?.Result)!;
                case CheckpointPhase.Failed:
                    throw StoredFailure(operation, existing!.StepDetails?.Error);
                case CheckpointPhase.Pending:
                    await context.BlockAsync(operation.Id, OperationType.Step, "waiting to check the condition again").ConfigureAwait(false);
                    existing = context.Run.State.Get(operation.Id);
                    continue;
            }

            var outcome = await CheckAsync(context, operation, existing).ConfigureAwait(false);
            if (outcome.Done)
            {
                return outcome.State;
            }

            // The next check runs here if the service makes it ready in this invocation.
            await context.BlockAsync(operation.Id, OperationType.Step, outcome.Pending!).ConfigureAwait(false);
            existing = context.Run.State.Get(operation.Id);
        }
    }

    /// <summary>
    /// A failure replayed from the checkpoint, as the invocation it happened in threw it: the strategy giving up
    /// as <see cref="WaitForConditionException"/> (its message; the attempts and last state are not stored), a
    /// check that threw as <see cref="StepException"/>.
    /// </summary>
    private static Exception StoredFailure(ClaimedOperation operation, ErrorObject? error) =>
        error?.ErrorType == typeof(WaitForConditionException).FullName
            ? new WaitForConditionException(error!.ErrorMessage ?? $"The condition of {DurableContext.Quote(operation.Name)} did not hold.")
            : new StepException(operation.Id, operation.Name, error);

    /// <summary>Runs one check of a condition that is new, READY, or STARTED by an interrupted invocation: its final state, or the reason it waits for the next check.</summary>
    private async Task<(bool Done, TState State, string? Pending)> CheckAsync(DurableContext context, ClaimedOperation operation, Operation? existing)
    {
        context.Rules.StepNotTerminal(operation.Id, existing is null ? "new condition" : "the condition is checked again");
        var attempt = (existing?.StepDetails?.Attempt ?? 0) + 1;
        var previous = existing?.StepDetails?.Result is { } stored ? context.Run.Serializer.Deserialize<TState>(stored)! : config.InitialState;
        if (existing?.Status != OperationStatus.Started)
        {
            // A check left STARTED by a lost invocation runs again under the START it has: the service refuses a second one.
            // A check runs at least once: its START goes with its outcome, in one call.
            context.Enqueue(context.Update(operation, OperationType.Step, OperationSubTypes.WaitForCondition, OperationAction.Start));
        }

        TState state;
        WaitDecision decision;
        try
        {
            state = await context.RunBodyAsync<ConditionCheck<TState>, TState>(operation, attempt, new ConditionCheck<TState>(check, previous, cancellationToken)).ConfigureAwait(false);
            decision = config.WaitStrategy.Decide(state, attempt);
        }
        catch (Exception exception) when (!DurableContext.IsEngineFailure(exception))
        {
            var fail = context.Update(operation, OperationType.Step, OperationSubTypes.WaitForCondition, OperationAction.Fail);
            fail.Error = ErrorObjects.From(exception);
            await context.SendAsync(fail).ConfigureAwait(false);
            throw exception is WaitForConditionException ? exception : new StepException(operation.Id, operation.Name, fail.Error, exception);
        }

        var payload = context.Run.Serializer.Serialize(state);
        if (!decision.ShouldContinue)
        {
            var succeed = context.Update(operation, OperationType.Step, OperationSubTypes.WaitForCondition, OperationAction.Succeed);
            succeed.Payload = payload;
            await context.SendAsync(succeed).ConfigureAwait(false);
            return (true, state, null);
        }

        // The state rides on the retry, so that the next check, in a later invocation, is given it. Awaited, so that
        // the state shows the check PENDING before its flow blocks.
        var seconds = ServiceSeconds.From(decision.Delay);
        var retry = context.Update(operation, OperationType.Step, OperationSubTypes.WaitForCondition, OperationAction.Retry);
        retry.Payload = payload;
        retry.StepOptions = new StepOptions { NextAttemptDelaySeconds = seconds };
        await context.SendAsync(retry).ConfigureAwait(false);
        return (false, state, $"check {attempt.ToString(CultureInfo.InvariantCulture)} did not hold; the next runs in {seconds.ToString(CultureInfo.InvariantCulture)} s");
    }
}
