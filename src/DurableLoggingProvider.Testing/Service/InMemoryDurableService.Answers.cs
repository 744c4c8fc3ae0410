using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

// What test code does in the service's place: answers callbacks and ends chained invokes.
public sealed partial class InMemoryDurableService
{
    /// <summary>The callbacks waiting for an answer.</summary>
    public IReadOnlyList<Operation> PendingCallbacks() => Pending(OperationType.Callback);

    /// <summary>The chained invokes waiting for their function.</summary>
    public IReadOnlyList<Operation> PendingInvokes() => Pending(OperationType.ChainedInvoke);

    /// <summary>What a chained invoke asked for: the function, the tenant and the payload.</summary>
    public ChainedInvokeRequest InvokeRequest(string operationId)
    {
        lock (_lock)
        {
            return _invokes.TryGetValue(operationId, out var request)
                ? request
                : throw new InvalidCheckpointException($"No chained invoke was started with the id '{operationId}'.");
        }
    }

    /// <summary>Answers a callback with a result (JSON text).</summary>
    public void SucceedCallback(string callbackId, string? result) => Resolve(FindCallback(callbackId), OperationType.Callback, OperationStatus.Succeeded, result, null);

    /// <summary>Answers a callback with a failure.</summary>
    public void FailCallback(string callbackId, ErrorObject error) => Resolve(FindCallback(callbackId), OperationType.Callback, OperationStatus.Failed, null, error);

    /// <summary>Times a callback out now, as a missed timeout or heartbeat does.</summary>
    public void TimeOutCallback(string callbackId) =>
        Resolve(FindCallback(callbackId), OperationType.Callback, OperationStatus.TimedOut, null, new ErrorObject { ErrorType = CallbackDeadline.TimeoutErrorType, ErrorMessage = "The callback timed out." });

    /// <summary>
    /// Records a heartbeat of a callback, as <c>SendDurableExecutionCallbackHeartbeat</c> does: its heartbeat
    /// deadline (<c>HeartbeatTimeoutSeconds</c>) starts again from <see cref="Now"/>. The operation itself does
    /// not change.
    /// </summary>
    /// <exception cref="InvalidCheckpointException">No callback has the id, or it is no longer <c>STARTED</c>.</exception>
    public void HeartbeatCallback(string callbackId)
    {
        lock (_lock)
        {
            var operation = Started(FindCallback(callbackId), OperationType.Callback, "take a heartbeat");
            _timers.Heartbeat(operation.Id, Now.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Ends a chained invoke with the invoked function's result (<c>SUCCEEDED</c>) or error (<c>FAILED</c>).</summary>
    public void CompleteInvoke(string operationId, string? result, ErrorObject? error = null) =>
        Resolve(operationId, OperationType.ChainedInvoke, error is null ? OperationStatus.Succeeded : OperationStatus.Failed, result, error);

    /// <summary>Ends a chained invoke as <c>TIMED_OUT</c>: the invoked function ran out of time.</summary>
    public void TimeOutInvoke(string operationId) =>
        Resolve(operationId, OperationType.ChainedInvoke, OperationStatus.TimedOut, null, new ErrorObject { ErrorType = "Invoke.Timeout", ErrorMessage = "The invoked function timed out." });

    /// <summary>Ends a chained invoke as <c>STOPPED</c>: the invoked execution was stopped.</summary>
    public void StopInvoke(string operationId) =>
        Resolve(operationId, OperationType.ChainedInvoke, OperationStatus.Stopped, null, new ErrorObject { ErrorType = "Invoke.Stopped", ErrorMessage = "The invoked execution was stopped." });

    private List<Operation> Pending(OperationType type)
    {
        lock (_lock)
        {
            return _operations.Where(operation => operation.Type == type && operation.Status == OperationStatus.Started).Select(OperationCopy.Of).ToList();
        }
    }

    private string FindCallback(string callbackId)
    {
        lock (_lock)
        {
            return _operations.FirstOrDefault(operation => operation.CallbackDetails?.CallbackId == callbackId)?.Id
                ?? throw new InvalidCheckpointException($"No callback has the id '{callbackId}'.");
        }
    }

    private void Resolve(string operationId, OperationType type, OperationStatus status, string? result, ErrorObject? error)
    {
        lock (_lock)
        {
            var operation = Started(operationId, type, "be answered");
            OperationTransitions.Finish(operation, status, result, error, Now.ToUnixTimeMilliseconds());
            _updatedSinceInvocation.Add(operationId);
        }
    }

    /// <summary>The operation, which must be a <c>STARTED</c> one of <paramref name="type"/> for what test code asks of it.</summary>
    private Operation Started(string operationId, OperationType type, string what)
    {
        var operation = _operations.FirstOrDefault(candidate => candidate.Id == operationId && candidate.Type == type)
            ?? throw new InvalidCheckpointException($"No {DurableWireFormat.WireName(type)} operation has the id '{operationId}'.");
        if (operation.Status != OperationStatus.Started)
        {
            throw new InvalidCheckpointException(
                $"{DurableWireFormat.WireName(operation.Type)} operation {operationId} is " +
                $"{DurableWireFormat.WireName(operation.Status)}; only a STARTED one can {what}.");
        }

        return operation;
    }
}
