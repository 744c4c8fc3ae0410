using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Execution.Tests.Scenarios;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// A step or a condition check found <c>STARTED</c>: the invocation that ran it was lost mid-body
/// (durable-wire-format.md, sections 4 and 6). AWS refuses <c>START</c> unless the step is new or
/// <c>READY</c>, so at least once re-runs the body under the <c>START</c> it has, and at most once counts the
/// attempt as failed. The service here refuses such a <c>START</c> as AWS does, and the tests read what it got.
/// </summary>
[TestFixture]
public class InterruptedStepTests
{
    private static readonly string s_stepId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task AnAtLeastOnceStepFoundStartedRunsAgainWithoutASecondStart(CancellationToken cancellationToken)
    {
        LostInvocationService? service = null;
        using var driver = new InvocationDriver(decorate: inner => service = new LostInvocationService(inner));
        var attempts = new ConcurrentQueue<int>();
        var handler = Charge(driver, attempts, new StepConfig { RetryStrategy = RetryStrategy.None });

        var output = await LoseFirstInvocationAfterTheStartThenInvokeAsync(driver, service!, handler, atMostOnce: false, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.EqualTo("\"charged on attempt 1\""));
            Assert.That(attempts, Is.EqualTo(new[] { 1, 1 }), "the interrupted attempt runs again, as the same attempt");
            Assert.That(driver.UpdatesOf(s_stepId).Select(update => update.Action), Is.EqualTo(new[] { OperationAction.Start, OperationAction.Succeed }));
            Assert.That(service!.RefusedStarts, Is.Empty);
            Assert.That(driver.Operation(s_stepId).Status, Is.EqualTo(OperationStatus.Succeeded));

            // Rule 2 still holds: the body's lines are new work in both invocations; the line before it is not.
            Assert.That(driver.RecordsWithMessage("before").RequestIds(), Is.EqualTo(new[] { driver.RequestId(1) }));
            Assert.That(driver.RecordsWithMessage("in charge").RequestIds(), Is.EqualTo(new[] { driver.RequestId(1), driver.RequestId(2) }));
            Assert.That(driver.RecordsWithMessage("in charge").Select(record => record.Number("attempt")), Is.EqualTo(new int?[] { 1, 1 }));
            Assert.That(driver.RecordsWithMessage("after").RequestIds(), Is.EqualTo(new[] { driver.RequestId(2) }));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnAtMostOnceStepFoundStartedIsNotRunAgainAndFailsWithoutAStart(CancellationToken cancellationToken)
    {
        LostInvocationService? service = null;
        using var driver = new InvocationDriver(decorate: inner => service = new LostInvocationService(inner));
        var attempts = new ConcurrentQueue<int>();
        var handler = Charge(driver, attempts, new StepConfig { Semantics = StepSemantics.AtMostOncePerRetry, RetryStrategy = RetryStrategy.None });

        var output = await LoseFirstInvocationAfterTheStartThenInvokeAsync(driver, service!, handler, atMostOnce: true, cancellationToken);

        var updates = driver.UpdatesOf(s_stepId);
        Assert.Multiple(() =>
        {
            Assert.That(output.Result, Is.EqualTo("\"gave up\""));
            Assert.That(attempts, Is.EqualTo(new[] { 1 }), "the interrupted attempt is never run again");
            Assert.That(updates.Select(update => update.Action), Is.EqualTo(new[] { OperationAction.Start, OperationAction.Fail }));
            Assert.That(updates[^1].Error?.ErrorMessage, Does.Contain("'charge'").And.Contain("at-most-once"));
            Assert.That(service!.RefusedStarts, Is.Empty);
            Assert.That(driver.Operation(s_stepId).Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(driver.RecordsWithMessage("in charge"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnAtMostOnceStepFoundStartedCheckpointsARetryAndStartsTheNextAttemptOnlyOnceReady(CancellationToken cancellationToken)
    {
        LostInvocationService? service = null;
        using var driver = new InvocationDriver(decorate: inner => service = new LostInvocationService(inner));
        var attempts = new ConcurrentQueue<int>();
        var config = new StepConfig
        {
            Semantics = StepSemantics.AtMostOncePerRetry,
            RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 2 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(3)) : RetryDecision.DoNotRetry()),
        };
        var handler = Charge(driver, attempts, config);

        var second = await LoseFirstInvocationAfterTheStartThenInvokeAsync(driver, service!, handler, atMostOnce: true, cancellationToken);
        driver.FireNextTimer();
        var third = await driver.InvokeAsync(handler, cancellationToken);

        var updates = driver.UpdatesOf(s_stepId);
        Assert.Multiple(() =>
        {
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(third.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(third.Result, Is.EqualTo("\"charged on attempt 2\""));
            Assert.That(attempts, Is.EqualTo(new[] { 1, 2 }));

            // The interrupted attempt counts as failed (RETRY from STARTED); the next starts from READY.
            Assert.That(
                updates.Select(update => update.Action),
                Is.EqualTo(new[] { OperationAction.Start, OperationAction.Retry, OperationAction.Start, OperationAction.Succeed }));
            Assert.That(updates[1].StepOptions?.NextAttemptDelaySeconds, Is.EqualTo(3));
            Assert.That(service!.RefusedStarts, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AConditionCheckFoundStartedRunsAgainWithoutASecondStart(CancellationToken cancellationToken)
    {
        LostInvocationService? service = null;
        using var driver = new InvocationDriver(decorate: inner => service = new LostInvocationService(inner));
        var checks = new ConcurrentQueue<(int Previous, int Attempt)>();
        var logger = driver.LoggerFactory.CreateLogger("Workflow");
        Func<string?, IDurableContext, Task<int>> handler = (_, context) => context.WaitForConditionAsync<int>(
            (previous, check, _) =>
            {
                checks.Enqueue((previous, check.AttemptNumber));
                logger.LogInformation("checking");
                return Task.FromResult(previous + 1);
            },
            new WaitForConditionConfig<int> { InitialState = 0, WaitStrategy = WaitStrategy.Fixed<int>(TimeSpan.FromSeconds(2), count => count >= 2) },
            "shipment arrived");

        var second = await LoseFirstInvocationAfterTheStartThenInvokeAsync(driver, service!, handler, atMostOnce: false, cancellationToken);
        var rest = await RunOnAsync(driver, second, handler, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(rest.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(rest.Result, Is.EqualTo("2"));

            // The lost first check runs again from the initial state; the second check starts from READY.
            Assert.That(checks, Is.EqualTo(new[] { (0, 1), (0, 1), (1, 2) }));
            Assert.That(
                driver.UpdatesOf(s_stepId).Select(update => update.Action),
                Is.EqualTo(new[] { OperationAction.Start, OperationAction.Retry, OperationAction.Start, OperationAction.Succeed }));
            Assert.That(service!.RefusedStarts, Is.Empty);
            Assert.That(driver.RecordsWithMessage("checking").RequestIds(), Is.EqualTo(new[] { driver.RequestId(1), driver.RequestId(2), driver.RequestId(3) }));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task TheStandInRefusesTheStartOfAStartedStepAsAwsDoes(CancellationToken cancellationToken)
    {
        // The negative control: tests that see no refusal are known to be able to see one.
        var inner = new InMemoryDurableService(InvocationDriver.DefaultExecutionArn, null, InvocationDriver.Start);
        var service = new LostInvocationService(inner);
        var start = new OperationUpdate { Id = s_stepId, Type = OperationType.Step, SubType = "Step", Action = OperationAction.Start, Name = "charge" };
        await service.CheckpointAsync(new CheckpointRequest { DurableExecutionArn = inner.ExecutionArn, CheckpointToken = inner.CheckpointToken, Updates = [start] }, cancellationToken);

        var again = new CheckpointRequest { DurableExecutionArn = inner.ExecutionArn, CheckpointToken = inner.CheckpointToken, Updates = [start] };

        Assert.That(async () => await service.CheckpointAsync(again, cancellationToken), Throws.InstanceOf<InvalidCheckpointException>().With.Message.StartsWith(LostInvocationService.InvalidStart));
        Assert.That(service.RefusedStarts, Has.Count.EqualTo(1));
    }

    /// <summary><c>log before; step charge; log after</c>: the step's result names the attempt that made it, or the step gave up.</summary>
    private static Func<string?, IDurableContext, Task<string>> Charge(InvocationDriver driver, ConcurrentQueue<int> attempts, StepConfig config)
    {
        var logger = driver.LoggerFactory.CreateLogger("Workflow");
        return async (_, context) =>
        {
            logger.LogInformation("before");
            string result;
            try
            {
                result = await context.StepAsync(
                    step =>
                    {
                        attempts.Enqueue(step.AttemptNumber);
                        logger.LogInformation("in charge");
                        return Task.FromResult($"charged on attempt {step.AttemptNumber}");
                    },
                    "charge",
                    config);
            }
            catch (StepException)
            {
                result = "gave up";
            }

            logger.LogInformation("after");
            return result;
        };
    }

    /// <summary>
    /// Runs invocation 1, lost after the operation's <c>START</c> reached the service (alone, for an at-most-once
    /// step; for an at-least-once step or a check, whose START goes with its outcome, as if another flow's call had
    /// carried it), so that the body ran but its end never reached the service; then invocation 2, which finds the
    /// operation <c>STARTED</c>.
    /// </summary>
    private static async Task<DurableExecutionInvocationOutput> LoseFirstInvocationAfterTheStartThenInvokeAsync<T>(
        InvocationDriver driver, LostInvocationService service, Func<string?, IDurableContext, Task<T>> handler, bool atMostOnce, CancellationToken cancellationToken)
    {
        // At most once, the START is sent alone and awaited before the body runs: the call after it is lost.
        service.LoseNextInvocationAfter(atMostOnce ? 1 : 0, startsOnRecord: !atMostOnce);
        Assert.That(async () => await driver.InvokeAsync(handler, cancellationToken), Throws.InstanceOf<CheckpointException>());
        Assert.That(driver.Operation(s_stepId).Status, Is.EqualTo(OperationStatus.Started), "invocation 1 left the operation STARTED");
        service.LoseNextInvocationAfter(null);
        return await driver.InvokeAsync(handler, cancellationToken);
    }

    private static async Task<DurableExecutionInvocationOutput> RunOnAsync<T>(
        InvocationDriver driver, DurableExecutionInvocationOutput output, Func<string?, IDurableContext, Task<T>> handler, CancellationToken cancellationToken)
    {
        for (var invocation = 0; output.Status == InvocationStatus.Pending && invocation < 10; invocation++)
        {
            driver.FireNextTimer();
            output = await driver.InvokeAsync(handler, cancellationToken);
        }

        return output;
    }
}
