using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// Callbacks answered from test code through <see cref="LocalRunnerOptions.AnswerCallback"/>: answered
/// SUCCEEDED or FAILED, or TIMED_OUT (durable-wire-format.md, section 4), or only a heartbeat, which
/// resolves nothing.
/// </summary>
[TestFixture]
public class CallbackAnswerTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ASuccessAnswerResumesTheExecutionWithTheResult(CancellationToken cancellationToken)
    {
        var result = await RunAwaitingApprovalAsync(_ => CallbackAnswer.Succeed("\"approved\""), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("approved"));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.Find("approval")?.Operation.Status, Is.EqualTo(OperationStatus.Succeeded));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AFailureAnswerFailsTheCallbackWithTheError(CancellationToken cancellationToken)
    {
        var result = await RunAwaitingApprovalAsync(_ => CallbackAnswer.Fail("Rejected", "the manager said no"), cancellationToken);

        var callback = result.Find("approval")!.Operation;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(callback.CallbackDetails?.Error?.ErrorType, Is.EqualTo("Rejected"));
            Assert.That(callback.CallbackDetails?.Error?.ErrorMessage, Is.EqualTo("the manager said no"));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ATimeOutAnswerTimesTheCallbackOutAtOnce(CancellationToken cancellationToken)
    {
        var result = await RunAwaitingApprovalAsync(_ => CallbackAnswer.TimeOut(), cancellationToken, new CallbackConfig { Timeout = TimeSpan.FromHours(1) });

        var callback = result.Find("approval")!.Operation;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.TimedOut));
            Assert.That(callback.Lasted(), Is.EqualTo(TimeSpan.Zero), "timed out when told, not at its own deadline");
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TheAnswererIsToldWhichCallbackWaitsAndAfterWhichInvocation(CancellationToken cancellationToken)
    {
        var asked = new List<PendingCallback>();

        var result = await RunAwaitingApprovalAsync(
            pending =>
            {
                asked.Add(pending);
                return CallbackAnswer.Succeed("\"approved\"");
            },
            cancellationToken);

        var callback = result.Find("approval")!.Operation;
        Assert.That(asked, Is.EqualTo(new[] { new PendingCallback(callback.CallbackDetails!.CallbackId!, "approval", callback.Id, 1) }));
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task HeartbeatsKeepACallbackAliveWhileOtherTimersRunAndAnAnswerStillResolvesIt(CancellationToken cancellationToken)
    {
        // Heartbeats come at 0, 45 and 90 s; without them the 60 s heartbeat deadline would pass at 60 s.
        var answers = new List<string>();

        var result = await RunWithWaitsAroundApprovalAsync(
            pending =>
            {
                var answer = pending.InvocationNumber < 4 ? CallbackAnswer.Heartbeat() : CallbackAnswer.Succeed("\"approved\"");
                answers.Add(answer.IsHeartbeat ? "heartbeat" : "answer");
                return answer;
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("approved"));
            Assert.That(answers, Is.EqualTo(new[] { "heartbeat", "heartbeat", "heartbeat", "answer" }));
            Assert.That(result.Find("approval")!.Operation.Lasted(), Is.EqualTo(TimeSpan.FromSeconds(135)), "answered after the third wait ended");
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task WithoutHeartbeatsTheSameCallbackTimesOutAtItsHeartbeatDeadline(CancellationToken cancellationToken)
    {
        var result = await RunWithWaitsAroundApprovalAsync(_ => null, cancellationToken);

        var callback = result.Find("approval")!.Operation;
        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("timed out"));
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.TimedOut));
            Assert.That(callback.Lasted(), Is.EqualTo(TimeSpan.FromSeconds(60)));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AHeartbeatAloneResolvesNothingSoTimeMovesOnToTheHeartbeatDeadline(CancellationToken cancellationToken)
    {
        var result = await RunAwaitingApprovalAsync(_ => CallbackAnswer.Heartbeat(), cancellationToken, new CallbackConfig { HeartbeatTimeout = TimeSpan.FromMinutes(1) });

        var callback = result.Find("approval")!.Operation;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Failed), "the workflow does not catch the timeout");
            Assert.That(result.StuckReason, Is.Null);
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.TimedOut));
            Assert.That(callback.Lasted(), Is.EqualTo(TimeSpan.FromMinutes(1)));
        });
    }

    /// <summary>Creates a callback named approval and returns its answer.</summary>
    private static async Task<LocalRunResult<string>> RunAwaitingApprovalAsync(
        Func<PendingCallback, CallbackAnswer?> answer, CancellationToken cancellationToken, CallbackConfig? config = null)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = answer });
        return await runner.RunAsync<string, string>(
            "order-7",
            async (_, context) =>
            {
                var callback = await context.CreateCallbackAsync<string>("approval", config, cancellationToken);
                return await callback.GetResultAsync(cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>
    /// Creates a callback with a 60 s heartbeat timeout (and a 1 h timeout), waits 45 s three times, then
    /// returns its answer, or "timed out".
    /// </summary>
    private static async Task<LocalRunResult<string>> RunWithWaitsAroundApprovalAsync(Func<PendingCallback, CallbackAnswer?> answer, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = answer });
        return await runner.RunAsync<string, string>(
            "order-7",
            async (_, context) =>
            {
                var callback = await context.CreateCallbackAsync<string>(
                    "approval", new CallbackConfig { Timeout = TimeSpan.FromHours(1), HeartbeatTimeout = TimeSpan.FromSeconds(60) }, cancellationToken);
                foreach (var name in new[] { "first", "second", "third" })
                {
                    await context.WaitAsync(TimeSpan.FromSeconds(45), name, cancellationToken);
                }

                try
                {
                    return await callback.GetResultAsync(cancellationToken);
                }
                catch (CallbackTimeoutException)
                {
                    return "timed out";
                }
            },
            cancellationToken);
    }
}
