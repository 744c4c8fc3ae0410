using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// Callbacks (durable-wire-format.md, section 4: <c>CallbackOptions{TimeoutSeconds, HeartbeatTimeoutSeconds}</c>,
/// only the ones set are sent; the service makes the <c>CallbackId</c>; answered SUCCEEDED or FAILED, or TIMED_OUT).
/// </summary>
[TestFixture]
public class CallbackOperationTests
{
    private static readonly string s_callbackId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task ACallbackIsCheckpointedAsStartWithItsTimeoutsAndCarriesTheServicesCallbackId(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        string? handedOut = null;

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                var callback = await context.CreateCallbackAsync<string>("approval", new CallbackConfig { Timeout = TimeSpan.FromMinutes(5), HeartbeatTimeout = TimeSpan.FromMinutes(1) });
                handedOut = callback.CallbackId;
                return await callback.GetResultAsync();
            },
            cancellationToken);

        var start = driver.UpdatesOf(s_callbackId).Single();
        var callback = driver.Operation(s_callbackId);
        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(start.Action, Is.EqualTo(OperationAction.Start));
            Assert.That(start.Type, Is.EqualTo(OperationType.Callback));
            Assert.That(start.SubType, Is.EqualTo("Callback"));
            Assert.That(start.Name, Is.EqualTo("approval"));
            Assert.That(start.CallbackOptions?.TimeoutSeconds, Is.EqualTo(300));
            Assert.That(start.CallbackOptions?.HeartbeatTimeoutSeconds, Is.EqualTo(60));
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(handedOut, Is.Not.Empty.And.EqualTo(callback.CallbackDetails?.CallbackId));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ACallbackWithoutTimeoutsSendsNeitherTimeout(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                var callback = await context.CreateCallbackAsync<string>("approval");
                return await callback.GetResultAsync();
            },
            cancellationToken);

        var options = driver.UpdatesOf(s_callbackId).Single().CallbackOptions;
        Assert.Multiple(() =>
        {
            Assert.That(options?.TimeoutSeconds ?? 0, Is.Zero);
            Assert.That(options?.HeartbeatTimeoutSeconds ?? 0, Is.Zero);

            // Left out, not 0: AWS's local checkpoint server arms a 0-second timer for a 0 (see CheckpointOptionsWireTests).
            Assert.That(options?.TimeoutSeconds, Is.Null);
            Assert.That(options?.HeartbeatTimeoutSeconds, Is.Null);
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnAnsweredCallbackReturnsItsResult(CancellationToken cancellationToken)
    {
        var result = await RunAsync(_ => CallbackAnswer.Succeed("{\"approver\":\"dana\"}"), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("approved by dana"));
            Assert.That(result.OperationsNamed("approval").Single().Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(result.OperationsNamed("approval").Single().CallbackDetails?.Result, Is.EqualTo("{\"approver\":\"dana\"}"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AFailedCallbackThrowsCallbackFailedExceptionWithTheAnswersError(CancellationToken cancellationToken)
    {
        var result = await RunAsync(_ => CallbackAnswer.Fail("Rejected", "the manager said no"), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Does.StartWith(typeof(CallbackFailedException).FullName!));
            Assert.That(result.Result, Does.Contain("Rejected").And.Contain("the manager said no"));
            Assert.That(result.OperationsNamed("approval").Single().Status, Is.EqualTo(OperationStatus.Failed));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ATimedOutCallbackThrowsCallbackTimeoutException(CancellationToken cancellationToken)
    {
        var result = await RunAsync(_ => CallbackAnswer.TimeOut(), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Does.StartWith(typeof(CallbackTimeoutException).FullName!));
            Assert.That(result.OperationsNamed("approval").Single().Status, Is.EqualTo(OperationStatus.TimedOut));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnUnansweredCallbackKeepsTheExecutionPending(CancellationToken cancellationToken)
    {
        var result = await RunAsync(_ => null, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(result.StuckReason, Does.Contain("approval"));
            Assert.That(result.OperationsNamed("approval").Single().Status, Is.EqualTo(OperationStatus.Started));
        });
    }

    /// <summary>Awaits a callback named approval; returns its answer, or the type, error type and message of what it threw.</summary>
    private static async Task<LocalRunResult<string>> RunAsync(Func<PendingCallback, CallbackAnswer?> answer, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = answer });
        return await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                var callback = await context.CreateCallbackAsync<Approval>("approval");
                try
                {
                    var approval = await callback.GetResultAsync();
                    return $"approved by {approval.Approver}";
                }
                catch (DurableOperationFailedException exception)
                {
                    return $"{exception.GetType().FullName}: {exception.ErrorType}: {exception.Message}";
                }
            },
            cancellationToken).WaitAsync(cancellationToken);
    }

    private sealed record Approval(string Approver);
}
