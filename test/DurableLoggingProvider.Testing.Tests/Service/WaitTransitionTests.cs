using System.Threading.Tasks;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// WAIT (durable-wire-format.md, section 4): START: STARTED with <c>ScheduledEndTimestamp</c>; timer fires:
/// SUCCEEDED (id listed as updated). CANCEL: CANCELLED. <c>WaitSeconds</c> is 1 to 31,622,400.
/// </summary>
[TestFixture]
public class WaitTransitionTests
{
    [Test]
    public async Task StartMakesTheWaitStartedWithItsScheduledEnd()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.StartWait("cool-off", 90));

        var wait = service.Operation("cool-off");
        Assert.Multiple(() =>
        {
            Assert.That(wait.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(wait.WaitDetails?.ScheduledEndTimestamp, Is.EqualTo(At(TimeSpan.FromSeconds(90))));
        });
    }

    [Test]
    public async Task WhenItsTimerFiresTheWaitSucceedsAndIsListedAsUpdated()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartWait("cool-off", 90));
        service.NextInvocationInput();

        service.AdvanceTo(Start.AddSeconds(90));

        var wait = service.Operation("cool-off");
        Assert.Multiple(() =>
        {
            Assert.That(wait.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(wait.EndTimestamp, Is.EqualTo(At(TimeSpan.FromSeconds(90))));
            Assert.That(service.UpdatedOperationIds(), Is.EqualTo(new[] { "cool-off" }));
        });
    }

    [Test]
    public async Task CancelMakesAStartedWaitCancelled()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartWait("cool-off", 90));

        await service.CheckpointAsync(Updates.Cancel("cool-off", OperationType.Wait));

        Assert.Multiple(() =>
        {
            Assert.That(service.Operation("cool-off").Status, Is.EqualTo(OperationStatus.Cancelled));
            Assert.That(service.NextTimer(), Is.Null, "a cancelled wait's timer is gone");
        });
    }

    [TestCase(1)]
    [TestCase(31_622_400)]
    public async Task TheShortestAndLongestWaitsAreAccepted(int seconds)
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.StartWait("cool-off", seconds));

        Assert.That(service.Operation("cool-off").WaitDetails?.ScheduledEndTimestamp, Is.EqualTo(At(TimeSpan.FromSeconds(seconds))));
    }
}
