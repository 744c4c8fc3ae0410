using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Does what the durable service does while an execution is suspended: asks test code for callback
/// answers, runs registered functions for chained invokes, and otherwise moves time on to the next timer.
/// </summary>
internal sealed class ExecutionResumer
{
    private readonly LocalRunnerOptions _options;

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
            await CompleteInvokeAsync(service, invoke).ConfigureAwait(false);
        }

        if (resumed)
        {
            return null;
        }

        // A heartbeat resolves nothing: only a timer (a wait, a retry, a callback's own deadline) can still move it.
        if (service.NextTimer() is not { } timer)
        {
            return StuckReason(service);
        }

        var untilDue = timer - service.Now;
        if (_options.RealTime && untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue, cancellationToken).ConfigureAwait(false);
        }

        service.AdvanceTo(timer);
        return null;
    }

    /// <summary>Asks test code about every waiting callback; returns whether one was resolved.</summary>
    private bool AnswerCallbacks(InMemoryDurableService service, int invocation)
    {
        var resolved = false;
        foreach (var callback in service.PendingCallbacks())
        {
            var pending = new PendingCallback(callback.CallbackDetails!.CallbackId!, callback.Name, callback.Id, invocation);
            switch (_options.AnswerCallback?.Invoke(pending))
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

    private async Task CompleteInvokeAsync(InMemoryDurableService service, Operation invoke)
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
            service.CompleteInvoke(invoke.Id, await function(request.Payload).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            service.CompleteInvoke(invoke.Id, null, new ErrorObject { ErrorType = exception.GetType().FullName, ErrorMessage = exception.Message });
        }
    }

    private static string StuckReason(InMemoryDurableService service)
    {
        var waiting = service.PendingCallbacks().Select(callback => callback.Name ?? callback.CallbackDetails?.CallbackId).ToList();
        return waiting.Count == 0
            ? "The execution is pending but nothing can resume it: no timer is set, and no callback or chained invoke is waiting."
            : $"The execution is pending but nothing can resume it: no timer is set and no answer came for callback(s) {string.Join(", ", waiting)}.";
    }
}
