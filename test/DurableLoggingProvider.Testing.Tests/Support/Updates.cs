using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing.Tests.Support;

/// <summary>Checkpoint updates as durable-wire-format.md, section 4 spells them.</summary>
internal static class Updates
{
    public static OperationUpdate Start(string id, OperationType type, string? parentId = null, string? name = null) =>
        new() { Id = id, Type = type, Action = OperationAction.Start, ParentId = parentId, Name = name ?? id };

    public static OperationUpdate StartWait(string id, int seconds) =>
        new() { Id = id, Type = OperationType.Wait, Action = OperationAction.Start, Name = id, WaitOptions = new WaitOptions { WaitSeconds = seconds } };

    public static OperationUpdate StartCallback(string id, int timeoutSeconds = 0, int heartbeatTimeoutSeconds = 0) =>
        new()
        {
            Id = id,
            Type = OperationType.Callback,
            Action = OperationAction.Start,
            Name = id,
            CallbackOptions = new CallbackOptions { TimeoutSeconds = timeoutSeconds, HeartbeatTimeoutSeconds = heartbeatTimeoutSeconds },
        };

    public static OperationUpdate StartInvoke(string id, string functionName) =>
        new()
        {
            Id = id,
            Type = OperationType.ChainedInvoke,
            Action = OperationAction.Start,
            Name = id,
            Payload = "{\"order\":7}",
            ChainedInvokeOptions = new ChainedInvokeOptions { FunctionName = functionName, TenantId = "tenant-a" },
        };

    public static OperationUpdate Succeed(string id, OperationType type, string? payload = null) =>
        new() { Id = id, Type = type, Action = OperationAction.Succeed, Payload = payload };

    public static OperationUpdate Fail(string id, OperationType type, ErrorObject? error = null) =>
        new() { Id = id, Type = type, Action = OperationAction.Fail, Error = error ?? Error("Declined", "the card was declined") };

    public static OperationUpdate Retry(string id, int delaySeconds, ErrorObject? error = null) =>
        new()
        {
            Id = id,
            Type = OperationType.Step,
            Action = OperationAction.Retry,
            Error = error ?? Error("Timeout", "the gateway did not answer"),
            StepOptions = new StepOptions { NextAttemptDelaySeconds = delaySeconds },
        };

    public static OperationUpdate Cancel(string id, OperationType type) => new() { Id = id, Type = type, Action = OperationAction.Cancel };

    public static ErrorObject Error(string type, string message) => new() { ErrorType = type, ErrorMessage = message };
}
