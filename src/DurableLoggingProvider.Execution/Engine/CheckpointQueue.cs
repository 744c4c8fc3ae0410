using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// What waits to be sent, for the <see cref="CheckpointBatcher"/>: the updates in order, who awaits their
/// answer, who awaits a flush, whether a call is under way, and the failure that ended sending.
/// </summary>
internal sealed class CheckpointQueue
{
    private readonly object _lock = new();
    private readonly List<QueuedUpdate> _updates = [];
    private readonly List<TaskCompletionSource> _flushes = [];
    private bool _sending;
    private int _awaitingAnswer;
    private Exception? _failure;

    /// <summary>The failure that ended sending in this invocation, if any.</summary>
    public Exception? Failure
    {
        get
        {
            lock (_lock)
            {
                return _failure;
            }
        }
    }

    /// <summary>Adds an update; <paramref name="acknowledged"/> is null for one nothing waits for. Returns whether the pump must start, or the failure that refuses it.</summary>
    public (bool StartPump, Exception? Failure) Add(OperationUpdate update, TaskCompletionSource? acknowledged)
    {
        // As the call writes it, and the comma before it.
        var size = (int)ByteCountingStream.Measure(update, DurableWireJsonContext.Wire.OperationUpdate) + 1;
        lock (_lock)
        {
            if (_failure is not null)
            {
                return (false, _failure);
            }

            _updates.Add(new QueuedUpdate(update, size, acknowledged));
            if (acknowledged is null)
            {
                return (false, null);
            }

            _awaitingAnswer++;
            var start = !_sending;
            _sending = true;
            return (start, null);
        }
    }

    /// <summary>Asks for everything queued to be sent: the task completes when nothing is queued or under way (or sending failed); null when that is already so.</summary>
    public (Task? Flushed, bool StartPump) RequestFlush()
    {
        lock (_lock)
        {
            if (_failure is not null || (_updates.Count == 0 && !_sending))
            {
                return (null, false);
            }

            var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushes.Add(flushed);
            var start = !_sending;
            _sending = true;
            return (flushed.Task, start);
        }
    }

    /// <summary>Whether the next call should go now: nothing to gather, a flush is asked for, or every running flow waits for an answer.</summary>
    public bool ReadyToSend(int running)
    {
        lock (_lock)
        {
            return _updates.Count == 0 || _flushes.Count > 0 || _awaitingAnswer >= running;
        }
    }

    /// <summary>Takes the next call's updates; none when the queue is empty, and then sending stops and the flushes waiting are complete.</summary>
    public List<QueuedUpdate> TakeCall()
    {
        List<TaskCompletionSource> flushed;
        lock (_lock)
        {
            if (_updates.Count > 0)
            {
                var count = CheckpointCallLimits.Take(_updates);
                var call = _updates.GetRange(0, count);
                _updates.RemoveRange(0, count);
                return call;
            }

            _sending = false;
            flushed = [.. _flushes];
            _flushes.Clear();
        }

        Complete(flushed);
        return [];
    }

    /// <summary>The service answered these updates.</summary>
    public void Answered(List<QueuedUpdate> call)
    {
        var answered = AwaitingAnswer(call);
        lock (_lock)
        {
            _awaitingAnswer -= answered;
        }

        foreach (var item in call)
        {
            item.Acknowledged?.TrySetResult();
        }
    }

    /// <summary>Sending failed: every update of the call and of the queue fails with <paramref name="failure"/>, and the flushes waiting complete.</summary>
    public void Fail(List<QueuedUpdate> call, Exception cause, Exception failure)
    {
        List<QueuedUpdate> waiting;
        List<TaskCompletionSource> flushed;
        lock (_lock)
        {
            _failure = cause;
            waiting = [.. call, .. _updates];
            _updates.Clear();
            flushed = [.. _flushes];
            _flushes.Clear();
            _sending = false;
            _awaitingAnswer -= AwaitingAnswer(waiting);
        }

        foreach (var item in waiting)
        {
            item.Acknowledged?.TrySetException(failure);
        }

        Complete(flushed);
    }

    /// <summary>How many of <paramref name="updates"/> an await waits on: those sent, not merely queued.</summary>
    private static int AwaitingAnswer(List<QueuedUpdate> updates)
    {
        var count = 0;
        foreach (var item in updates)
        {
            count += item.Acknowledged is null ? 0 : 1;
        }

        return count;
    }

    private static void Complete(List<TaskCompletionSource> flushed)
    {
        foreach (var flush in flushed)
        {
            flush.TrySetResult();
        }
    }
}
