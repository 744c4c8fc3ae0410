using System.Collections.Generic;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// The timers the in-memory service keeps (durable-wire-format.md, section 4): a wait's scheduled end, a
/// step's next attempt, a callback's timeout and heartbeat deadlines. Callers hold the service's lock.
/// </summary>
internal sealed class OperationTimers
{
    // The wire model has no place for a callback's deadlines: the service keeps them beside the operation.
    private readonly Dictionary<string, CallbackDeadline> _callbacks = [];

    /// <summary>Starts the deadlines of a callback that has just started.</summary>
    public void CallbackStarted(string operationId, long now, CallbackOptions? options) => _callbacks[operationId] = new CallbackDeadline(now, options);

    /// <summary>Records a heartbeat of a started callback.</summary>
    public void Heartbeat(string operationId, long now)
    {
        if (_callbacks.TryGetValue(operationId, out var deadline))
        {
            deadline.Heartbeat(now);
        }
    }

    /// <summary>When the operation's timer fires (epoch ms), or <see langword="null"/> when it has none running.</summary>
    public long? DueOf(Operation operation) => operation switch
    {
        { Type: OperationType.Wait, Status: OperationStatus.Started } => operation.WaitDetails?.ScheduledEndTimestamp,
        { Type: OperationType.Step, Status: OperationStatus.Pending } => operation.StepDetails?.NextAttemptTimestamp,
        { Type: OperationType.Callback, Status: OperationStatus.Started } => _callbacks.TryGetValue(operation.Id, out var deadline) ? deadline.Due : null,
        _ => null,
    };

    /// <summary>
    /// Fires the operation's timer if it is due by <paramref name="now"/>: a wait succeeds, a step becomes
    /// ready for its next attempt, a callback times out. Returns whether it fired.
    /// </summary>
    public bool FireIfDue(Operation operation, long now)
    {
        if (DueOf(operation) is not { } due || due > now)
        {
            return false;
        }

        switch (operation.Type)
        {
            case OperationType.Wait:
                OperationTransitions.Finish(operation, OperationStatus.Succeeded, null, null, now);
                break;
            case OperationType.Step:
                operation.Status = OperationStatus.Ready;
                operation.StepDetails!.NextAttemptTimestamp = null;
                break;
            case OperationType.Callback:
                OperationTransitions.Finish(operation, OperationStatus.TimedOut, null, _callbacks[operation.Id].Error(), now);
                break;
        }

        return true;
    }
}
