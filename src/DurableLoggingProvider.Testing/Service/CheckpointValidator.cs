using System.Collections.Generic;
using System.Text;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Decides whether the service takes a checkpoint's updates, by the rules AWS's checkpoint server applies
/// (durable-wire-format.md, section 4; the validators of @aws/durable-execution-sdk-js-testing 1.1.4):
/// first the request's own rules (EXECUTION updates, ids, parents, duplicates), then each update on its own
/// against the state as it was before the request: its error's size, the actions its type allows, and the
/// statuses its action may leave. A few ranges of the real API that AWS's local server does not check are
/// kept (a WAIT's seconds, a RETRY's delay, a callback's timeouts, an update that claims another type).
/// </summary>
internal static class CheckpointValidator
{
    /// <summary>The largest an update that carries an <c>Error</c> may be, as UTF-8 JSON.</summary>
    public const int MaxErrorUpdateBytes = 32_768;

    /// <summary>Refuses the request unless every update is allowed.</summary>
    /// <param name="updates">The request's updates, in order.</param>
    /// <param name="find">The operation with an id in the state before the request, or <see langword="null"/>.</param>
    /// <param name="execution">The execution's own operation, which every EXECUTION update addresses, whatever its id.</param>
    /// <exception cref="InvalidCheckpointException">An update is not allowed; the message names its action, type and status.</exception>
    public static void Validate(IReadOnlyList<OperationUpdate> updates, System.Func<string, Operation?> find, Operation execution)
    {
        ExecutionUpdates(updates, find, execution);
        IdsParentsAndDuplicates(updates, find);
        foreach (var update in updates)
        {
            var existing = update.Type == OperationType.Execution ? execution : find(update.Id);
            ErrorSize(update, existing);
            ActionOfType(update, existing);
            if (existing is not null && existing.Type != update.Type)
            {
                throw Refuse(update, existing, $"the operation is a {Wire(existing.Type)}, not a {Wire(update.Type)}");
            }

            Transition(update, existing);
        }
    }

    /// <summary>The refusal of a whole request once the execution has ended: its checkpoint token is no longer valid.</summary>
    public static InvalidCheckpointException Ended(Operation execution) =>
        new($"Checkpoint refused: the execution is {DurableWireFormat.WireName(execution.Status)}, " +
            "so its checkpoint token is no longer valid and no update is taken.");

    private static void ExecutionUpdates(IReadOnlyList<OperationUpdate> updates, System.Func<string, Operation?> find, Operation execution)
    {
        var count = 0;
        foreach (var update in updates)
        {
            if (update.Type == OperationType.Execution && ++count > 1)
            {
                throw Refuse(update, execution, "a request holds at most one EXECUTION update");
            }
        }

        if (count == 1 && updates[^1].Type != OperationType.Execution)
        {
            throw Refuse(updates[^1], find(updates[^1].Id), "an EXECUTION update must be the request's last update");
        }
    }

    private static void IdsParentsAndDuplicates(IReadOnlyList<OperationUpdate> updates, System.Func<string, Operation?> find)
    {
        var startedHere = new Dictionary<string, OperationUpdate>();
        var lastSeen = new Dictionary<string, OperationUpdate>();
        foreach (var update in updates)
        {
            if (string.IsNullOrEmpty(update.Id))
            {
                throw Refuse(update, null, "an update must have an Id");
            }

            if (lastSeen.TryGetValue(update.Id, out var previous) && !MayFollow(previous, update))
            {
                throw Refuse(update, find(update.Id),
                    $"the operation is updated twice in one request (after its {DurableWireFormat.WireName(previous.Action)}); " +
                    "only a STEP's or CONTEXT's START may be followed by one more update");
            }

            if (!string.IsNullOrEmpty(update.ParentId))
            {
                var parentType = startedHere.TryGetValue(update.ParentId, out var parent) ? parent.Type : find(update.ParentId)?.Type;
                if (parentType != OperationType.Context)
                {
                    throw Refuse(update, find(update.Id),
                        $"its ParentId '{update.ParentId}' is not a CONTEXT, started earlier in the request or already in the state");
                }
            }

            if (update.Action == OperationAction.Start)
            {
                startedHere[update.Id] = update;
            }

            lastSeen[update.Id] = update;
        }
    }

    private static bool MayFollow(OperationUpdate previous, OperationUpdate next) =>
        previous.Type is OperationType.Step or OperationType.Context && previous.Action == OperationAction.Start && next.Action != OperationAction.Start;

    private static void ErrorSize(OperationUpdate update, Operation? existing)
    {
        if (update.Error is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(DurableWireFormat.SerializeOperationUpdate(update));
        if (bytes > MaxErrorUpdateBytes)
        {
            throw Refuse(update, existing, $"an update with an Error may be at most {MaxErrorUpdateBytes} bytes; this one is {bytes}");
        }
    }

    private static void ActionOfType(OperationUpdate update, Operation? existing)
    {
        var allowed = update.Type switch
        {
            OperationType.Step => update.Action is OperationAction.Start or OperationAction.Succeed or OperationAction.Fail or OperationAction.Retry,
            OperationType.Context => update.Action is OperationAction.Start or OperationAction.Succeed or OperationAction.Fail,
            OperationType.Execution => update.Action is OperationAction.Succeed or OperationAction.Fail,
            _ => update.Action is OperationAction.Start or OperationAction.Cancel,
        };
        if (!allowed)
        {
            throw Refuse(update, existing, $"the action is not one a {Wire(update.Type)} takes ({ActionsOf(update.Type)})");
        }
    }

    private static string ActionsOf(OperationType type) => type switch
    {
        OperationType.Step => "START, SUCCEED, FAIL or RETRY",
        OperationType.Context => "START, SUCCEED or FAIL",
        OperationType.Execution => "SUCCEED or FAIL",
        _ => "START or CANCEL",
    };

    private static void Transition(OperationUpdate update, Operation? existing)
    {
        var status = existing?.Status;
        switch (update.Type, update.Action)
        {
            case (OperationType.Step, OperationAction.Start) when status is not (null or OperationStatus.Ready):
                throw Refuse(update, existing, "a STEP starts only when it is new or READY for its next attempt");
            case (OperationType.Step, OperationAction.Succeed or OperationAction.Fail) when status is not (null or OperationStatus.Started or OperationStatus.Ready):
                throw Refuse(update, existing, "a STEP is closed only when it is new, STARTED or READY");
            case (OperationType.Step, OperationAction.Retry) when status is not (null or OperationStatus.Started or OperationStatus.Ready):
                throw Refuse(update, existing, "a STEP is retried only when it is new, STARTED or READY");
            case (OperationType.Step, OperationAction.Retry) when update.StepOptions is null:
                throw Refuse(update, existing, "a RETRY needs StepOptions");
            case (OperationType.Step, OperationAction.Retry) when update.Error is not null && update.Payload is not null:
                throw Refuse(update, existing, "a RETRY carries an Error or a Payload, not both");
            case (OperationType.Step, OperationAction.Retry) when update.StepOptions!.NextAttemptDelaySeconds is not >= 1:
                throw Refuse(update, existing, "a RETRY needs StepOptions.NextAttemptDelaySeconds of at least 1 (the API's range)");
            case (OperationType.Context, OperationAction.Start) when existing is not null:
                throw Refuse(update, existing, "a CONTEXT that exists cannot start again");
            case (OperationType.Context, OperationAction.Succeed or OperationAction.Fail) when status is not (null or OperationStatus.Started):
                throw Refuse(update, existing, "a CONTEXT is closed only when it is new or STARTED");
            case (OperationType.Wait or OperationType.Callback or OperationType.ChainedInvoke, OperationAction.Start) when existing is not null:
                throw Refuse(update, existing, $"a {Wire(update.Type)} that exists cannot start again");
            case (OperationType.Wait or OperationType.Callback or OperationType.ChainedInvoke, OperationAction.Cancel) when status != OperationStatus.Started:
                throw Refuse(update, existing, $"only a STARTED {Wire(update.Type)} can be cancelled: this one does not exist or has already ended");
            case (OperationType.Wait, OperationAction.Start) when update.WaitOptions?.WaitSeconds is not (>= 1 and <= 31_622_400):
                throw Refuse(update, existing, "a WAIT needs WaitOptions.WaitSeconds from 1 to 31,622,400 (the API's range)");
            case (OperationType.Callback, OperationAction.Start) when update.CallbackOptions is { TimeoutSeconds: < 0 } or { HeartbeatTimeoutSeconds: < 0 }:
                throw Refuse(update, existing, "CallbackOptions.TimeoutSeconds and HeartbeatTimeoutSeconds must be 0 (none) or more (the API's range)");
        }

        if (update.Action == OperationAction.Fail && update.Payload is not null)
        {
            throw Refuse(update, existing, "a FAIL carries an Error, not a Payload");
        }

        if (update.Action == OperationAction.Succeed && update.Error is not null)
        {
            throw Refuse(update, existing, "a SUCCEED carries a Payload, not an Error");
        }
    }

    private static string Wire(OperationType type) => DurableWireFormat.WireName(type);

    /// <summary>The refusal, naming the action, the operation's type and its status as the wire spells them.</summary>
    private static InvalidCheckpointException Refuse(OperationUpdate update, Operation? existing, string why) =>
        new($"Checkpoint update {DurableWireFormat.WireName(update.Action)} is not allowed for " +
            $"{Wire(existing?.Type ?? update.Type)} operation {(string.IsNullOrEmpty(update.Id) ? "(no id)" : update.Id)} " +
            $"({(existing is null ? "not started" : $"status {DurableWireFormat.WireName(existing.Status)}")}): {why}.");
}
