using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// A wait-for-callback fails as a callback does, in the invocation it fails in and on every replay after it:
/// <see cref="CallbackFailedException"/> when the answer is a failure (or the submitter fails for good),
/// <see cref="CallbackTimeoutException"/> when the callback times out.
/// </summary>
[TestFixture]
public class WaitForCallbackFailureTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task AFailedAnswerIsCaughtAsCallbackFailedExceptionNowAndOnReplay(CancellationToken cancellationToken)
    {
        var (result, seen) = await RunAsync(_ => CallbackAnswer.Fail("Rejected", "the manager said no"), (_, _) => Task.CompletedTask, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(seen.Select(exception => exception.GetType()), Is.EqualTo(new[] { typeof(CallbackFailedException), typeof(CallbackFailedException) }), "caught when it failed, and again on the replay after the wait");
            Assert.That(seen.Select(exception => exception.ErrorType), Is.All.EqualTo("Rejected"));
            Assert.That(seen.Select(exception => exception.ErrorMessage), Is.All.EqualTo("the manager said no"));
            Assert.That(seen.Select(exception => exception.OperationName), Is.All.EqualTo("approval"));
            Assert.That(seen[0].InnerException, Is.InstanceOf<CallbackFailedException>(), "in the invocation it failed in, the callback's own failure is the cause");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ATimedOutCallbackIsCaughtAsCallbackTimeoutExceptionNowAndOnReplay(CancellationToken cancellationToken)
    {
        var (result, seen) = await RunAsync(_ => CallbackAnswer.TimeOut(), (_, _) => Task.CompletedTask, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(seen.Select(exception => exception.GetType()), Is.EqualTo(new[] { typeof(CallbackTimeoutException), typeof(CallbackTimeoutException) }));
            Assert.That(seen.Select(exception => exception.ErrorType), Is.All.EqualTo(typeof(CallbackTimeoutException).FullName));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ASubmitterThatFailsForGoodIsCaughtAsCallbackFailedExceptionWithItsError(CancellationToken cancellationToken)
    {
        var (result, seen) = await RunAsync(
            _ => CallbackAnswer.Succeed("\"never read\""),
            (_, _) => throw new InvalidOperationException("the approvals queue is down"),
            cancellationToken,
            new WaitForCallbackConfig { SubmitterRetryStrategy = RetryStrategy.None });

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(seen.Select(exception => exception.GetType()), Is.EqualTo(new[] { typeof(CallbackFailedException), typeof(CallbackFailedException) }));
            Assert.That(seen.Select(exception => exception.ErrorType), Is.All.EqualTo(typeof(InvalidOperationException).FullName));
            Assert.That(seen[0].InnerException, Is.InstanceOf<StepException>(), "the submitter's step failed");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task TheCallbackIsAnsweredByTheWaitForCallbacksName(CancellationToken cancellationToken)
    {
        var asked = new ConcurrentQueue<string?>();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            AnswerCallback = pending =>
            {
                asked.Enqueue(pending.Name);
                return pending.Name == "approval" ? CallbackAnswer.Succeed("\"approved\"") : null;
            },
        });

        var result = await runner.RunAsync<string, string>(
            "input",
            (_, context) => context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "approval"),
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("approved"));
            Assert.That(asked, Is.EqualTo(new[] { "approval" }));
        });
    }

    /// <summary>
    /// Runs a workflow that catches its wait-for-callback's failure, then waits, so that the invocation after the
    /// wait replays the failure: what was caught, in order.
    /// </summary>
    private static async Task<(LocalRunResult<string> Result, DurableOperationFailedException[] Seen)> RunAsync(
        Func<PendingCallback, CallbackAnswer?> answer, Func<string, IWaitForCallbackContext, Task> submitter, CancellationToken cancellationToken, WaitForCallbackConfig? config = null)
    {
        var seen = new ConcurrentQueue<DurableOperationFailedException>();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = answer });
        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                try
                {
                    await context.WaitForCallbackAsync<string>(submitter, "approval", config);
                }
                catch (CallbackFailedException exception)
                {
                    seen.Enqueue(exception);
                }
                catch (CallbackTimeoutException exception)
                {
                    seen.Enqueue(exception);
                }

                await context.WaitAsync(TimeSpan.FromSeconds(1), "after");
                return "handled";
            },
            cancellationToken).WaitAsync(cancellationToken);
        return (result, seen.ToArray());
    }
}
