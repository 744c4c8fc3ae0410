using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// CALLBACK (durable-wire-format.md, section 4): START: STARTED with a service-made <c>CallbackId</c>;
/// answered: SUCCEEDED or FAILED; timeout or missed heartbeat: TIMED_OUT. Each answer is listed in the next
/// invocation's <c>UpdatedOperationIds</c>. (Deadlines and heartbeats: <see cref="TimerTests"/>.)
/// </summary>
[TestFixture]
public class CallbackTransitionTests
{
    [Test]
    public async Task StartMakesTheCallbackStartedWithACallbackIdTheServiceMade()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.StartCallback("approval"), Updates.StartCallback("second-approval"));

        var first = service.Operation("approval");
        var second = service.Operation("second-approval");
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(first.CallbackDetails?.CallbackId, Is.Not.Null.And.Not.Empty);
            Assert.That(second.CallbackDetails?.CallbackId, Is.Not.EqualTo(first.CallbackDetails?.CallbackId), "each callback has its own id");
            Assert.That(service.PendingCallbacks(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task ASuccessfulAnswerMakesTheCallbackSucceededWithTheResultAndListsIt()
    {
        var service = NewService();
        var callbackId = await StartAsync(service);

        service.SucceedCallback(callbackId, "{\"approver\":\"dana\"}");

        var callback = service.Operation("approval");
        Assert.Multiple(() =>
        {
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(callback.CallbackDetails?.Result, Is.EqualTo("{\"approver\":\"dana\"}"));
            Assert.That(service.UpdatedOperationIds(), Is.EqualTo(new[] { "approval" }));
            Assert.That(service.PendingCallbacks(), Is.Empty);
        });
    }

    [Test]
    public async Task AFailureAnswerMakesTheCallbackFailedWithTheErrorAndListsIt()
    {
        var service = NewService();
        var callbackId = await StartAsync(service);

        service.FailCallback(callbackId, Updates.Error("Rejected", "the manager said no"));

        var callback = service.Operation("approval");
        Assert.Multiple(() =>
        {
            Assert.That(callback.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(callback.CallbackDetails?.Error?.ErrorType, Is.EqualTo("Rejected"));
            Assert.That(service.UpdatedOperationIds(), Is.EqualTo(new[] { "approval" }));
        });
    }

    [Test]
    public async Task TimingACallbackOutMakesItTimedOutAndListsIt()
    {
        var service = NewService();
        var callbackId = await StartAsync(service);

        service.TimeOutCallback(callbackId);

        Assert.Multiple(() =>
        {
            Assert.That(service.Operation("approval").Status, Is.EqualTo(OperationStatus.TimedOut));
            Assert.That(service.UpdatedOperationIds(), Is.EqualTo(new[] { "approval" }));
        });
    }

    [Test]
    public async Task AnAnsweredCallbackCannotBeAnsweredAgain()
    {
        var service = NewService();
        var callbackId = await StartAsync(service);
        service.SucceedCallback(callbackId, "\"yes\"");

        var refused = Assert.Throws<InvalidCheckpointException>(() => service.FailCallback(callbackId, Updates.Error("Rejected", "too late")));

        Assert.That(refused!.Message, Does.Contain("CALLBACK").And.Contain("SUCCEEDED"));
    }

    [Test]
    public void AnUnknownCallbackIdIsRefused()
    {
        var service = NewService();

        Assert.Throws<InvalidCheckpointException>(() => service.SucceedCallback("no-such-callback", "\"yes\""));
    }

    private static async Task<string> StartAsync(InMemoryDurableService service)
    {
        await service.CheckpointAsync(Updates.StartCallback("approval"));
        service.NextInvocationInput();
        return service.Operation("approval").CallbackDetails!.CallbackId!;
    }
}
