using System.Threading.Tasks;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// Timers on the service's clock (durable-wire-format.md, section 4): a wait's scheduled end, a step's
/// next attempt, and a callback's deadlines ("timeout or missed heartbeat: TIMED_OUT", with
/// <c>CallbackOptions{TimeoutSeconds, HeartbeatTimeoutSeconds}</c>, 0 = none). A timer fires when the
/// clock reaches it; what it changed is listed in <c>UpdatedOperationIds</c>.
/// </summary>
[TestFixture]
public class TimerTests
{
    [Test]
    public async Task WithNothingTimedThereIsNoNextTimer()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step), Updates.StartCallback("approval"));

        Assert.That(service.NextTimer(), Is.Null, "a step running and a callback without deadlines set no timer");
    }

    [Test]
    public async Task TheNextTimerIsTheEarliestOfWaitsRetriesAndCallbackDeadlines()
    {
        var service = NewService();
        await service.CheckpointAsync(
            Updates.StartWait("cool-off", 300),
            Updates.Start("charge", OperationType.Step),
            Updates.Retry("charge", 120),
            Updates.StartCallback("approval", timeoutSeconds: 200, heartbeatTimeoutSeconds: 90));

        Assert.That(service.NextTimer(), Is.EqualTo(Start.AddSeconds(90)));
    }

    [Test]
    public async Task MovingTheClockShortOfATimerFiresNothing()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartWait("cool-off", 60), Updates.StartCallback("approval", timeoutSeconds: 60));
        service.NextInvocationInput();

        service.AdvanceTo(Start.AddSeconds(60).AddMilliseconds(-1));

        Assert.Multiple(() =>
        {
            Assert.That(service.Operation("cool-off").Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(service.UpdatedOperationIds(), Is.Empty);
        });
    }

    [Test]
    public void TheClockNeverMovesBack()
    {
        var service = NewService();
        service.AdvanceTo(Start.AddMinutes(5));

        service.AdvanceTo(Start);

        Assert.That(service.Now, Is.EqualTo(Start.AddMinutes(5)));
    }

    [Test]
    public async Task OneMoveFiresEveryTimerDueByThen()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartWait("short", 10), Updates.StartWait("long", 20), Updates.StartWait("later", 30));
        service.NextInvocationInput();

        service.AdvanceTo(Start.AddSeconds(25));

        Assert.Multiple(() =>
        {
            Assert.That(service.UpdatedOperationIds(), Is.EquivalentTo(new[] { "short", "long" }));
            Assert.That(service.Operation("later").Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(service.NextTimer(), Is.EqualTo(Start.AddSeconds(30)));
        });
    }

    [Test]
    public async Task ACallbackTimesOutWhenTheClockReachesItsStartPlusItsTimeout()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartCallback("approval", timeoutSeconds: 300));
        service.NextInvocationInput();

        Assert.That(service.NextTimer(), Is.EqualTo(Start.AddSeconds(300)));
        service.AdvanceTo(Start.AddSeconds(300));

        var callback = service.Operation("approval");
        Assert.Multiple(() =>
        {
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.TimedOut));
            Assert.That(callback.EndTimestamp, Is.EqualTo(At(TimeSpan.FromSeconds(300))));
            Assert.That(callback.CallbackDetails?.Error, Is.Not.Null);
            Assert.That(service.UpdatedOperationIds(), Is.EqualTo(new[] { "approval" }));
            Assert.That(service.NextTimer(), Is.Null);
        });
    }

    [Test]
    public async Task ACallbackWithoutHeartbeatsTimesOutAtItsStartPlusItsHeartbeatTimeout()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartCallback("approval", heartbeatTimeoutSeconds: 60));

        service.AdvanceTo(Start.AddSeconds(60));

        Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.TimedOut));
    }

    [Test]
    public async Task AHeartbeatMovesTheHeartbeatDeadlineToItsTimePlusTheHeartbeatTimeout()
    {
        var service = NewService();
        var callbackId = await StartCallbackAsync(service, timeoutSeconds: 0, heartbeatTimeoutSeconds: 60);
        service.AdvanceTo(Start.AddSeconds(50));

        service.HeartbeatCallback(callbackId);

        Assert.That(service.NextTimer(), Is.EqualTo(Start.AddSeconds(110)));
        service.AdvanceTo(Start.AddSeconds(109));
        Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.Started), "the heartbeat kept it alive past its first deadline");
        service.AdvanceTo(Start.AddSeconds(110));
        Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.TimedOut), "no heartbeat came within 60 s of the last");
    }

    [Test]
    public async Task HeartbeatsDoNotExtendTheOverallTimeout()
    {
        var service = NewService();
        var callbackId = await StartCallbackAsync(service, timeoutSeconds: 100, heartbeatTimeoutSeconds: 60);
        service.AdvanceTo(Start.AddSeconds(50));

        service.HeartbeatCallback(callbackId);

        Assert.That(service.NextTimer(), Is.EqualTo(Start.AddSeconds(100)));
        service.AdvanceTo(Start.AddSeconds(100));
        Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.TimedOut));
    }

    [Test]
    public async Task AHeartbeatChangesNothingTheExecutionSees()
    {
        var service = NewService();
        var callbackId = await StartCallbackAsync(service, timeoutSeconds: 0, heartbeatTimeoutSeconds: 60);

        service.HeartbeatCallback(callbackId);

        Assert.Multiple(() =>
        {
            Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(service.UpdatedOperationIds(), Is.Empty);
        });
    }

    [Test]
    public async Task AHeartbeatForACallbackThatIsNoLongerStartedIsRefusedNamingItsTypeAndStatus()
    {
        var service = NewService();
        var callbackId = await StartCallbackAsync(service, timeoutSeconds: 0, heartbeatTimeoutSeconds: 60);
        service.SucceedCallback(callbackId, "\"yes\"");

        var refused = Assert.Throws<InvalidCheckpointException>(() => service.HeartbeatCallback(callbackId));

        Assert.That(refused!.Message, Does.Match(@"\bCALLBACK\b").And.Match(@"\bSUCCEEDED\b"));
    }

    [Test]
    public async Task AHeartbeatForATimedOutCallbackIsRefused()
    {
        var service = NewService();
        var callbackId = await StartCallbackAsync(service, timeoutSeconds: 10, heartbeatTimeoutSeconds: 0);
        service.AdvanceTo(Start.AddSeconds(10));

        var refused = Assert.Throws<InvalidCheckpointException>(() => service.HeartbeatCallback(callbackId));

        Assert.That(refused!.Message, Does.Match(@"\bTIMED_OUT\b"));
    }

    [Test]
    public async Task AnAnsweredCallbackNoLongerHasADeadline()
    {
        var service = NewService();
        var callbackId = await StartCallbackAsync(service, timeoutSeconds: 300, heartbeatTimeoutSeconds: 60);

        service.SucceedCallback(callbackId, "\"yes\"");
        service.AdvanceTo(Start.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(service.NextTimer(), Is.Null);
        });
    }

    private static async Task<string> StartCallbackAsync(InMemoryDurableService service, int timeoutSeconds, int heartbeatTimeoutSeconds)
    {
        await service.CheckpointAsync(Updates.StartCallback("approval", timeoutSeconds, heartbeatTimeoutSeconds));
        service.NextInvocationInput();
        return service.Operation("approval").CallbackDetails!.CallbackId!;
    }
}
