using System.Threading.Tasks;
using System.Threading;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// A pending execution nothing can resume (no answer, no timer) ends the run as <c>PENDING</c> with the
/// reason, instead of invoking it again and again; a callback with a deadline is never stuck.
/// </summary>
[TestFixture]
public class StuckExecutionTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACallbackNeverAnsweredLeavesTheExecutionPendingWithAReasonNamingIt(CancellationToken cancellationToken)
    {
        var result = await RunAwaitingApprovalAsync(_ => null, null, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(result.StuckReason, Does.Contain("approval"));
            Assert.That(result.Invocations, Has.Count.EqualTo(1), "no invocation could change anything");
            Assert.That(result.Find("approval")?.Operation.Status, Is.EqualTo(OperationStatus.Started));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task HeartbeatsAloneDoNotResumeACallbackThatHasNoDeadline(CancellationToken cancellationToken)
    {
        var result = await RunAwaitingApprovalAsync(_ => CallbackAnswer.Heartbeat(), null, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(result.StuckReason, Does.Contain("approval"));
            Assert.That(result.Invocations, Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACallbackNeverAnsweredButWithATimeoutTimesOutInsteadOfBeingStuck(CancellationToken cancellationToken)
    {
        var result = await RunAwaitingApprovalAsync(_ => null, new CallbackConfig { Timeout = TimeSpan.FromMinutes(5) }, cancellationToken);

        var callback = result.Find("approval")!.Operation;
        Assert.Multiple(() =>
        {
            Assert.That(result.StuckReason, Is.Null);
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("timed out"));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.TimedOut));
            Assert.That(callback.Lasted(), Is.EqualTo(TimeSpan.FromMinutes(5)));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AnExecutionThatNeverEndsStopsAtTheInvocationLimit(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { MaxInvocations = 4 });

        var result = await runner.RunAsync<string, string>(
            "order-7",
            async (_, context) =>
            {
                while (true)
                {
                    await context.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken: cancellationToken);
                }
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(result.Invocations, Has.Count.EqualTo(4));
            Assert.That(result.StuckReason, Does.Contain("4 invocations"));
        });
    }

    /// <summary>Creates a callback named approval; returns its answer, or "timed out".</summary>
    private static async Task<LocalRunResult<string>> RunAwaitingApprovalAsync(
        Func<PendingCallback, CallbackAnswer?> answer, CallbackConfig? config, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = answer });
        return await runner.RunAsync<string, string>(
            "order-7",
            async (_, context) =>
            {
                var callback = await context.CreateCallbackAsync<string>("approval", config, cancellationToken);
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
