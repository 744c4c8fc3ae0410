using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Does what the durable service does while an execution is suspended: asks test code for callback
/// answers, runs registered functions for chained invokes, and otherwise moves time on to the next timer.
/// One per run.
/// </summary>
internal sealed class ExecutionResumer
{
    private readonly LocalRunnerOptions _options;
    private readonly HashSet<string> _answeredNames = new(StringComparer.Ordinal);
    private readonly List<string> _namesSeen = [];

    public ExecutionResumer(LocalRunnerOptions options) => _options = options;

    /// <summary>
    /// Makes something happen that resumes the execution, which the runner then invokes again; returns why
    /// nothing can, when so.
    /// </summary>
    public async Task<string?> ResumeAsync(InMemoryDurableService service, int invocation, CancellationToken cancellationToken)
    {
        var resumed = AnswerCallbacks(service, invocation);
        foreach (var invoke in service.PendingInvokes())
        {
            resumed = true;
            await CompleteInvokeAsync(service, invoke, cancellationToken).ConfigureAwait(false);
        }

        if (resumed)
        {
            return null;
        }

        // A heartbeat resolves nothing: only a timer (a wait, a retry, a callback's own deadline) can still move it.
        if (service.NextTimer() is not { } timer)
        {
            return StuckReason(service, invocation);
        }

        var untilDue = timer - service.Now;
        if (_options.RealTime && untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue, cancellationToken).ConfigureAwait(false);
        }

        service.AdvanceTo(timer);
        return null;
    }

    /// <summary>The names in <see cref="LocalRunnerOptions.CallbackAnswers"/> that no waiting callback had.</summary>
    public List<string> UnusedAnswers() => [.. _options.CallbackAnswers.Keys.Where(name => !_answeredNames.Contains(name))];

    /// <summary>The names of the callbacks that waited during the run, for an error about an unused answer.</summary>
    public string NamesSeen() => _namesSeen.Count == 0 ? "(no callback waited)" : string.Join(", ", _namesSeen.Select(name => $"'{name}'"));

    /// <summary>Asks test code about every waiting callback; returns whether one was resolved.</summary>
    private bool AnswerCallbacks(InMemoryDurableService service, int invocation)
    {
        var waiting = Waiting(service, invocation);
        ThrowIfAmbiguous(waiting);
        var resolved = false;
        foreach (var pending in waiting)
        {
            switch (AnswerTo(pending))
            {
                case null:
                    break;
                case { IsHeartbeat: true }:
                    service.HeartbeatCallback(pending.CallbackId);
                    break;
                case { TimedOut: true }:
                    service.TimeOutCallback(pending.CallbackId);
                    resolved = true;
                    break;
                case { Error: { } error }:
                    service.FailCallback(pending.CallbackId, error);
                    resolved = true;
                    break;
                case { } success:
                    service.SucceedCallback(pending.CallbackId, success.Result);
                    resolved = true;
                    break;
            }
        }

        return resolved;
    }

    /// <summary>The answer by the callback's name, when one is given; otherwise what <see cref="LocalRunnerOptions.AnswerCallback"/> says.</summary>
    private CallbackAnswer? AnswerTo(PendingCallback pending)
    {
        if (pending.Name is { } name && _options.CallbackAnswers.TryGetValue(name, out var answer))
        {
            _answeredNames.Add(name);
            return answer;
        }

        return _options.AnswerCallback?.Invoke(pending);
    }

    /// <summary>
    /// The callbacks waiting, each under the name the workflow gave it: its own, or, for a wait-for-callback's
    /// callback that has none, the wait-for-callback's (its parent context's).
    /// </summary>
    private List<PendingCallback> Waiting(InMemoryDurableService service, int invocation)
    {
        var callbacks = service.PendingCallbacks();
        if (callbacks.Count == 0)
        {
            return [];
        }

        var operations = service.Operations.ToDictionary(operation => operation.Id, StringComparer.Ordinal);
        var waiting = new List<PendingCallback>(callbacks.Count);
        foreach (var callback in callbacks)
        {
            var name = callback.Name;
            if (string.IsNullOrEmpty(name)
                && callback.ParentId is { } parentId
                && operations.TryGetValue(parentId, out var parent)
                && parent.SubType == OperationSubTypes.WaitForCallback)
            {
                name = parent.Name;
            }

            if (!string.IsNullOrEmpty(name) && !_namesSeen.Contains(name))
            {
                _namesSeen.Add(name);
            }

            waiting.Add(new PendingCallback(callback.CallbackDetails!.CallbackId!, string.IsNullOrEmpty(name) ? null : name, callback.Id, invocation));
        }

        return waiting;
    }

    private void ThrowIfAmbiguous(List<PendingCallback> waiting)
    {
        var clash = waiting
            .Where(pending => pending.Name is { } name && _options.CallbackAnswers.ContainsKey(name))
            .GroupBy(pending => pending.Name!, StringComparer.Ordinal)
            .FirstOrDefault(group => group.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"{clash.Count()} callbacks named '{clash.Key}' are waiting at once (operations {string.Join(", ", clash.Select(pending => pending.OperationId))}), " +
                $"so LocalRunnerOptions.CallbackAnswers cannot tell which one its answer for '{clash.Key}' is for. Give the callbacks different names, " +
                "or answer them with LocalRunnerOptions.AnswerCallback, which sees each one's OperationId.");
        }
    }

    private async Task CompleteInvokeAsync(InMemoryDurableService service, Operation invoke, CancellationToken cancellationToken)
    {
        var request = service.InvokeRequest(invoke.Id);
        if (request.FunctionName is null || !_options.Functions.TryGetValue(request.FunctionName, out var function))
        {
            service.CompleteInvoke(invoke.Id, null, new ErrorObject
            {
                ErrorType = "ResourceNotFoundException",
                ErrorMessage = $"No function named '{request.FunctionName}' is registered with the local runner (LocalRunnerOptions.Functions).",
            });
            return;
        }

        try
        {
            service.CompleteInvoke(invoke.Id, await function(request.Payload).WaitAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            service.CompleteInvoke(invoke.Id, null, new ErrorObject { ErrorType = exception.GetType().FullName, ErrorMessage = exception.Message });
        }
    }

    private string StuckReason(InMemoryDurableService service, int invocation)
    {
        var waiting = Waiting(service, invocation).ConvertAll(pending => pending.Name is { } name ? $"'{name}'" : pending.CallbackId);
        return waiting.Count == 0
            ? "The execution is pending but nothing can resume it: no timer is set, and no callback or chained invoke is waiting."
            : $"The execution is pending but nothing can resume it: no timer is set and no answer came for callback(s) {string.Join(", ", waiting)}.";
    }
}
