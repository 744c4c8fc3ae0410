using System.Collections.Generic;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>Deep copies of operations, so that what the service hands out is never the state it keeps.</summary>
internal static class OperationCopy
{
    public static Operation Of(Operation source) => new()
    {
        Id = source.Id,
        Type = source.Type,
        Status = source.Status,
        ParentId = source.ParentId,
        Name = source.Name,
        SubType = source.SubType,
        StartTimestamp = source.StartTimestamp,
        EndTimestamp = source.EndTimestamp,
        ExecutionDetails = source.ExecutionDetails is { } execution ? new ExecutionDetails { InputPayload = execution.InputPayload } : null,
        ContextDetails = source.ContextDetails is { } context
            ? new ContextDetails { Result = context.Result, Error = Of(context.Error), ReplayChildren = context.ReplayChildren }
            : null,
        StepDetails = source.StepDetails is { } step
            ? new StepDetails { Attempt = step.Attempt, NextAttemptTimestamp = step.NextAttemptTimestamp, Result = step.Result, Error = Of(step.Error) }
            : null,
        WaitDetails = source.WaitDetails is { } wait ? new WaitDetails { ScheduledEndTimestamp = wait.ScheduledEndTimestamp } : null,
        CallbackDetails = source.CallbackDetails is { } callback
            ? new CallbackDetails { CallbackId = callback.CallbackId, Result = callback.Result, Error = Of(callback.Error) }
            : null,
        ChainedInvokeDetails = source.ChainedInvokeDetails is { } invoke
            ? new ChainedInvokeDetails { Result = invoke.Result, Error = Of(invoke.Error) }
            : null,
    };

    public static ErrorObject? Of(ErrorObject? error) => error is null ? null : new ErrorObject
    {
        ErrorMessage = error.ErrorMessage,
        ErrorType = error.ErrorType,
        ErrorData = error.ErrorData,
        StackTrace = error.StackTrace is null ? null : new List<string>(error.StackTrace),
    };
}
