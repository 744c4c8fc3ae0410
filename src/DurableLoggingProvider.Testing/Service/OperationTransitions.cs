using System;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Applies one checkpoint update to the state the way the durable service does
/// (durable-wire-format.md, section 4); <see cref="CheckpointValidator"/> refuses what the service refuses first.
/// </summary>
internal static class OperationTransitions
{
    /// <summary>
    /// Applies <paramref name="update"/>, which <see cref="CheckpointValidator"/> has allowed, to
    /// <paramref name="existing"/> (null when the operation is new: a STEP or CONTEXT may be closed, and a STEP
    /// retried, without a START); returns the operation as it now is.
    /// </summary>
    public static Operation Apply(Operation? existing, OperationUpdate update, long now, Func<string> newCallbackId)
    {
        var operation = existing ?? new Operation
        {
            Id = update.Id,
            Type = update.Type,
            ParentId = update.ParentId,
            Name = update.Name,
            SubType = update.SubType,
            StartTimestamp = now,
            Status = OperationStatus.Started,

            // A new STEP is at attempt 0, whether it starts, is closed or is retried by this update.
            StepDetails = update.Type == OperationType.Step ? new StepDetails { Attempt = 0 } : null,
        };

        switch (update.Action)
        {
            case OperationAction.Start:
                Start(operation, update, now, newCallbackId);
                break;
            case OperationAction.Succeed:
                Finish(operation, OperationStatus.Succeeded, update.Payload, null, now);
                if (operation.Type == OperationType.Context && update.ContextOptions?.ReplayChildren == true)
                {
                    operation.ContextDetails!.ReplayChildren = true;
                }

                break;
            case OperationAction.Fail:
                Finish(operation, OperationStatus.Failed, null, update.Error, now);
                break;
            case OperationAction.Retry:
                var step = operation.StepDetails ??= new StepDetails();
                operation.Status = OperationStatus.Pending;
                step.Attempt = (step.Attempt ?? 0) + 1;
                step.NextAttemptTimestamp = now + (update.StepOptions!.NextAttemptDelaySeconds!.Value * 1000L);
                step.Error = update.Error ?? step.Error;
                step.Result = update.Payload ?? step.Result;
                break;
            case OperationAction.Cancel:
                operation.Status = OperationStatus.Cancelled;
                operation.EndTimestamp = now;
                break;
        }

        return operation;
    }

    private static void Start(Operation operation, OperationUpdate update, long now, Func<string> newCallbackId)
    {
        operation.Status = OperationStatus.Started;
        switch (operation.Type)
        {
            case OperationType.Step:
                // A new step, or the next attempt of a READY one.
                operation.StepDetails ??= new StepDetails { Attempt = 0 };
                operation.StepDetails.NextAttemptTimestamp = null;
                break;
            case OperationType.Wait:
                operation.WaitDetails = new WaitDetails { ScheduledEndTimestamp = now + (update.WaitOptions!.WaitSeconds!.Value * 1000L) };
                break;
            case OperationType.Callback:
                operation.CallbackDetails = new CallbackDetails { CallbackId = newCallbackId() };
                break;
            case OperationType.Context:
                operation.ContextDetails = new ContextDetails();
                break;
            case OperationType.ChainedInvoke:
                operation.ChainedInvokeDetails = new ChainedInvokeDetails();
                break;
        }
    }

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
}
