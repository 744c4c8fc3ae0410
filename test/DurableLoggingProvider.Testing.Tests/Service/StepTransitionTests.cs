using System.Threading.Tasks;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// STEP (durable-wire-format.md, section 4): START: STARTED. RETRY: PENDING, <c>Attempt</c> + 1,
/// <c>NextAttemptTimestamp</c> = now + delay, error kept; when the timer fires: READY (timestamp cleared, id
/// listed in <c>UpdatedOperationIds</c>). SUCCEED: SUCCEEDED. FAIL: FAILED.
/// </summary>
[TestFixture]
public class StepTransitionTests
{
    [Test]
    public async Task StartMakesTheStepStartedOnItsFirstAttempt()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));

        var step = service.Operation("charge");
        Assert.Multiple(() =>
        {
            Assert.That(step.Type, Is.EqualTo(OperationType.Step));
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(step.StartTimestamp, Is.EqualTo(StartMs));
            Assert.That(step.StepDetails?.Attempt ?? 0, Is.Zero, "Attempt counts failed attempts: none yet");
        });
    }

    [Test]
    public async Task SucceedMakesTheStepSucceededWithItsResult()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));

        await service.CheckpointAsync(Updates.Succeed("charge", OperationType.Step, "{\"paid\":true}"));

        var step = service.Operation("charge");
        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(step.StepDetails?.Result, Is.EqualTo("{\"paid\":true}"));
            Assert.That(step.EndTimestamp, Is.EqualTo(StartMs));
        });
    }

    [Test]
    public async Task FailMakesTheStepFailedWithItsError()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));

        await service.CheckpointAsync(Updates.Fail("charge", OperationType.Step, Updates.Error("Declined", "the card was declined")));

        var step = service.Operation("charge");
        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(step.StepDetails?.Error?.ErrorType, Is.EqualTo("Declined"));
            Assert.That(step.StepDetails?.Error?.ErrorMessage, Is.EqualTo("the card was declined"));
        });
    }

    [Test]
    public async Task RetryMakesTheStepPendingWithOneMoreAttemptItsNextAttemptTimeAndTheErrorKept()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));

        await service.CheckpointAsync(Updates.Retry("charge", delaySeconds: 5, Updates.Error("Timeout", "the gateway did not answer")));

        var step = service.Operation("charge");
        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Pending));
            Assert.That(step.StepDetails?.Attempt, Is.EqualTo(1));
            Assert.That(step.StepDetails?.NextAttemptTimestamp, Is.EqualTo(At(TimeSpan.FromSeconds(5))));
            Assert.That(step.StepDetails?.Error?.ErrorType, Is.EqualTo("Timeout"));
        });
    }

    [Test]
    public async Task WhenTheRetryTimerFiresTheStepIsReadyWithItsTimestampClearedAndListedAsUpdated()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));
        await service.CheckpointAsync(Updates.Retry("charge", delaySeconds: 5));
        service.NextInvocationInput();

        service.AdvanceTo(Start.AddSeconds(5));

        var step = service.Operation("charge");
        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Ready));
            Assert.That(step.StepDetails?.NextAttemptTimestamp, Is.Null);
            Assert.That(step.StepDetails?.Attempt, Is.EqualTo(1));
            Assert.That(service.UpdatedOperationIds(), Is.EqualTo(new[] { "charge" }));
        });
    }

    [Test]
    public async Task AReadyStepStartsItsNextAttemptAndCanSucceed()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));
        await service.CheckpointAsync(Updates.Retry("charge", delaySeconds: 1));
        service.AdvanceTo(Start.AddSeconds(1));

        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));
        var restarted = service.Operation("charge");
        await service.CheckpointAsync(Updates.Succeed("charge", OperationType.Step, "\"ok\""));

        Assert.Multiple(() =>
        {
            Assert.That(restarted.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(restarted.StepDetails?.Attempt, Is.EqualTo(1), "the failed attempt still counts");
            Assert.That(service.Operation("charge").Status, Is.EqualTo(OperationStatus.Succeeded));
        });
    }

    [Test]
    public async Task ACheckpointAnswersWithTheOperationsItChangedAndANewToken()
    {
        var service = NewService();
        var before = service.CheckpointToken;

        var response = await service.CheckpointAsync(Updates.Start("charge", OperationType.Step), Updates.Start("ship", OperationType.Step));

        var changed = response.NewExecutionState!.Operations;
        Assert.Multiple(() =>
        {
            Assert.That(response.CheckpointToken, Is.Not.Empty.And.Not.EqualTo(before));
            Assert.That(response.CheckpointToken, Is.EqualTo(service.CheckpointToken));
            Assert.That(changed.ConvertAll(operation => operation.Id), Is.EqualTo(new[] { "charge", "ship" }));
            Assert.That(changed.ConvertAll(operation => operation.Status), Is.All.EqualTo(OperationStatus.Started));
        });
    }
}
