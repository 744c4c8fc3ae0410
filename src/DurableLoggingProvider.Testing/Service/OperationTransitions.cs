using System;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Applies one checkpoint update to the state the way the durable service does
/// (durable-wire-format.md, section 4), refusing what the service refuses.
/// </summary>
internal static class OperationTransitions
{
    /// <summary>Applies <paramref name="update"/> to <paramref name="existing"/> (null when the operation is new); returns the operation as it now is.</summary>
    /// <exception cref="InvalidCheckpointException">The action is not allowed for the operation's type or status.</exception>
    public static Operation Apply(Operation? existing, OperationUpdate update, long now, Func<string> newCallbackId)
    {
        if (existing is not null && existing.Type != update.Type)
        {
            throw Refuse(update, existing, $"the operation is a {WireEnumConverter<OperationType>.WireName(existing.Type)}, not a {WireEnumConverter<OperationType>.WireName(update.Type)}");
        }

        if (existing is null && update.Action != OperationAction.Start)
        {
            throw Refuse(update, null, "no such operation was started");
        }

        if (update.SubType is not null && OperationSubTypes.TypeOf(update.SubType) != update.Type)
        {
            throw Refuse(update, existing, $"sub-type '{update.SubType}' does not belong to {WireEnumConverter<OperationType>.WireName(update.Type)}");
        }

        var operation = existing ?? new Operation
        {
            Id = update.Id,
            Type = update.Type,
            ParentId = update.ParentId,
            Name = update.Name,
            SubType = update.SubType,
            StartTimestamp = now,
        };

        switch (update.Action)
        {
            case OperationAction.Start:
                Start(operation, existing, update, now, newCallbackId);
                break;
            case OperationAction.Succeed or OperationAction.Fail when !EndsByCheckpoint(operation.Type):
                throw Refuse(update, existing, HowItEnds(operation.Type));
            case OperationAction.Succeed when IsRunning(existing!):
                Finish(operation, OperationStatus.Succeeded, update.Payload, null, now);
                if (operation.Type == OperationType.Context && update.ContextOptions?.ReplayChildren == true)
                {
                    operation.ContextDetails!.ReplayChildren = true;
                }

                break;
            case OperationAction.Fail when IsRunning(existing!):
                Finish(operation, OperationStatus.Failed, null, update.Error, now);
                break;
            case OperationAction.Retry when operation.Type == OperationType.Step && existing!.Status == OperationStatus.Started:
                var delay = update.StepOptions?.NextAttemptDelaySeconds ?? 0;
                if (delay < 1)
                {
                    throw Refuse(update, existing, "a RETRY needs StepOptions.NextAttemptDelaySeconds of at least 1");
                }

                var step = operation.StepDetails ??= new StepDetails();
                operation.Status = OperationStatus.Pending;
                step.Attempt = (step.Attempt ?? 0) + 1;
                step.NextAttemptTimestamp = now + (delay * 1000L);
                step.Error = update.Error ?? step.Error;
                step.Result = update.Payload ?? step.Result;
                break;
            case OperationAction.Cancel when operation.Type == OperationType.Wait && existing!.Status == OperationStatus.Started:
                operation.Status = OperationStatus.Cancelled;
                operation.EndTimestamp = now;
                break;
            default:
                throw Refuse(update, existing, "the action is not allowed here");
        }

        return operation;
    }

    private static void Start(Operation operation, Operation? existing, OperationUpdate update, long now, Func<string> newCallbackId)
    {
        // A step's attempt may start again (a new attempt after READY, or a re-run after a crash).
        if (existing is not null && !(existing.Type == OperationType.Step && existing.Status is OperationStatus.Ready or OperationStatus.Started))
        {
            throw Refuse(update, existing, "the operation was already started");
        }

        operation.Status = OperationStatus.Started;
        switch (operation.Type)
        {
            case OperationType.Step:
                operation.StepDetails ??= new StepDetails { Attempt = 0 };
                operation.StepDetails.NextAttemptTimestamp = null;
                break;
            case OperationType.Wait:
                var seconds = update.WaitOptions?.WaitSeconds ?? 0;
                if (seconds is < 1 or > 31_622_400)
                {
                    throw Refuse(update, existing, "a WAIT needs WaitOptions.WaitSeconds from 1 to 31,622,400");
                }

                operation.WaitDetails = new WaitDetails { ScheduledEndTimestamp = now + (seconds * 1000L) };
                break;
            case OperationType.Callback:
                if (update.CallbackOptions is { TimeoutSeconds: < 0 } or { HeartbeatTimeoutSeconds: < 0 })
                {
                    throw Refuse(update, existing, "CallbackOptions.TimeoutSeconds and HeartbeatTimeoutSeconds must be 0 (none) or more");
                }

                operation.CallbackDetails = new CallbackDetails { CallbackId = newCallbackId() };
                break;
            case OperationType.Context:
                operation.ContextDetails = new ContextDetails();
                break;
            case OperationType.ChainedInvoke:
                operation.ChainedInvokeDetails = new ChainedInvokeDetails();
                break;
            case OperationType.Execution:
                throw Refuse(update, existing, "the EXECUTION operation is started by the service, not by a checkpoint");
        }
    }

    private static bool IsRunning(Operation existing) => existing.Status == OperationStatus.Started;

    /// <summary>Whether the handler ends operations of this type with SUCCEED or FAIL; the service ends the others.</summary>
    private static bool EndsByCheckpoint(OperationType type) => type is OperationType.Step or OperationType.Context or OperationType.Execution;

    private static string HowItEnds(OperationType type) => type switch
    {
        OperationType.Wait => "a WAIT ends when its timer fires, or by CANCEL",
        OperationType.Callback => "a CALLBACK is answered from outside the execution, or times out",
        _ => "a CHAINED_INVOKE ends when the invoked function does",
    };

    /// <summary>Ends an operation, storing its result or error where its type keeps them.</summary>
    public static void Finish(Operation operation, OperationStatus status, string? result, ErrorObject? error, long now)
    {
        operation.Status = status;
        operation.EndTimestamp = now;
        switch (operation.Type)
        {
            case OperationType.Step:
                var step = operation.StepDetails ??= new StepDetails();
                step.Result = result ?? step.Result;
                step.Error = error ?? step.Error;
                break;
            case OperationType.Context:
                var context = operation.ContextDetails ??= new ContextDetails();
                context.Result = result;
                context.Error = error;
                break;
            case OperationType.Callback:
                var callback = operation.CallbackDetails ??= new CallbackDetails();
                callback.Result = result;
                callback.Error = error;
                break;
            case OperationType.ChainedInvoke:
                var invoke = operation.ChainedInvokeDetails ??= new ChainedInvokeDetails();
                invoke.Result = result;
                invoke.Error = error;
                break;
        }
    }

    /// <summary>The refusal, naming the action, the operation's type and its status as the wire spells them.</summary>
    private static InvalidCheckpointException Refuse(OperationUpdate update, Operation? existing, string why) =>
        new($"Checkpoint update {WireEnumConverter<OperationAction>.WireName(update.Action)} is not allowed for " +
            $"{WireEnumConverter<OperationType>.WireName(existing?.Type ?? update.Type)} operation {update.Id} " +
            $"({(existing is null ? "not started" : $"status {WireEnumConverter<OperationStatus>.WireName(existing.Status)}")}): {why}.");
}
