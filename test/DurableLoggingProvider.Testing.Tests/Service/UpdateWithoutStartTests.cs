using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// What AWS's checkpoint server takes without a START: a STEP or CONTEXT closed (SUCCEED, FAIL) and a STEP
/// retried when it has no checkpoint yet, and a READY step closed or retried without a new START (an
/// at-least-once step's next attempt); callbacks and chained invokes that are STARTED can be cancelled.
/// </summary>
[TestFixture]
public class UpdateWithoutStartTests
{
    [Test]
    public async Task AStepSucceedsWithoutAStart()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Succeed("charge", OperationType.Step, "{\"paid\":true}"));

        var step = service.Operation("charge");
        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(step.StepDetails?.Result, Is.EqualTo("{\"paid\":true}"));
            Assert.That(step.StartTimestamp, Is.EqualTo(StartMs));
        });
    }

    [Test]
    public async Task AStepFailsWithoutAStart()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Fail("charge", OperationType.Step, Updates.Error("Declined", "no")));

        Assert.That(service.Operation("charge").StepDetails?.Error?.ErrorType, Is.EqualTo("Declined"));
    }

    [Test]
    public async Task AStepIsRetriedWithoutAStart()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Retry("charge", 5));

        var step = service.Operation("charge");
        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Pending));
            Assert.That(step.StepDetails?.Attempt, Is.EqualTo(1));
            Assert.That(step.StepDetails?.NextAttemptTimestamp, Is.EqualTo(StartMs + 5_000));
        });
    }

    [Test]
    public async Task AContextSucceedsWithoutAStart()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Succeed("batch", OperationType.Context, "[1,2]"));

        Assert.That(service.Operation("batch").ContextDetails?.Result, Is.EqualTo("[1,2]"));
    }

    [TestCase(OperationAction.Succeed, OperationStatus.Succeeded)]
    [TestCase(OperationAction.Retry, OperationStatus.Pending)]
    public async Task AReadyStepIsClosedOrRetriedWithoutANewStart(OperationAction action, OperationStatus expected)
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));
        await service.CheckpointAsync(Updates.Retry("charge", 5));
        service.AdvanceTo(Start.AddSeconds(5));

        await service.CheckpointAsync(action == OperationAction.Succeed ? Updates.Succeed("charge", OperationType.Step, "1") : Updates.Retry("charge", 5));

        Assert.That(service.Operation("charge").Status, Is.EqualTo(expected));
    }

    [Test]
    public async Task AReadyStepStartsItsNextAttempt()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));
        await service.CheckpointAsync(Updates.Retry("charge", 5));
        service.AdvanceTo(Start.AddSeconds(5));

        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));

        Assert.That(service.Operation("charge").Status, Is.EqualTo(OperationStatus.Started));
    }

    [Test]
    public async Task ACancelledCallbackIsCancelledAndNeverTimesOut()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartCallback("approval", timeoutSeconds: 60));

        await service.CheckpointAsync(Updates.Cancel("approval", OperationType.Callback));
        service.AdvanceTo(Start.AddSeconds(120));

        Assert.Multiple(() =>
        {
            Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.Cancelled));
            Assert.That(service.NextTimer(), Is.Null);
        });
    }

    [Test]
    public async Task ACancelledInvokeIsCancelled()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartInvoke("bill", "billing"));

        await service.CheckpointAsync(Updates.Cancel("bill", OperationType.ChainedInvoke));

        Assert.That(service.Operation("bill").Status, Is.EqualTo(OperationStatus.Cancelled));
    }

    [Test]
    public async Task ASubTypeIsNotCheckedAgainstTheType()
    {
        var service = NewService();
        var start = Updates.Start("charge", OperationType.Step);
        start.SubType = OperationSubTypes.Wait;

        await service.CheckpointAsync(start);

        Assert.That(service.Operation("charge").SubType, Is.EqualTo(OperationSubTypes.Wait));
    }
}
