using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// CHAINED_INVOKE (durable-wire-format.md, section 4): START: STARTED; then SUCCEEDED, FAILED, TIMED_OUT or
/// STOPPED, as the invoked function ends. Each end is listed in the next invocation's <c>UpdatedOperationIds</c>.
/// </summary>
[TestFixture]
public class ChainedInvokeTransitionTests
{
    [Test]
    public async Task StartMakesTheInvokeStartedAndKeepsWhatItAskedFor()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.StartInvoke("bill", "billing-function"));

        var request = service.InvokeRequest("bill");
        Assert.Multiple(() =>
        {
            Assert.That(service.Operation("bill").Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(service.PendingInvokes(), Has.Count.EqualTo(1));
            Assert.That(request, Is.EqualTo(new ChainedInvokeRequest("billing-function", "tenant-a", "{\"order\":7}")));
        });
    }

    [Test]
    public async Task TheFunctionsResultMakesItSucceeded()
    {
        var service = await StartedAsync();

        service.CompleteInvoke("bill", "{\"invoice\":12}");

        AssertEnded(service, OperationStatus.Succeeded);
        Assert.That(service.Operation("bill").ChainedInvokeDetails?.Result, Is.EqualTo("{\"invoice\":12}"));
    }

    [Test]
    public async Task TheFunctionsErrorMakesItFailed()
    {
        var service = await StartedAsync();

        service.CompleteInvoke("bill", null, Updates.Error("BillingDown", "billing is down"));

        AssertEnded(service, OperationStatus.Failed);
        Assert.That(service.Operation("bill").ChainedInvokeDetails?.Error?.ErrorType, Is.EqualTo("BillingDown"));
    }

    [Test]
    public async Task ATimeoutMakesItTimedOut()
    {
        var service = await StartedAsync();

        service.TimeOutInvoke("bill");

        AssertEnded(service, OperationStatus.TimedOut);
    }

    [Test]
    public async Task AStopMakesItStopped()
    {
        var service = await StartedAsync();

        service.StopInvoke("bill");

        AssertEnded(service, OperationStatus.Stopped);
    }

    [Test]
    public async Task AnEndedInvokeCannotEndAgain()
    {
        var service = await StartedAsync();
        service.CompleteInvoke("bill", "1");

        var refused = Assert.Throws<InvalidCheckpointException>(() => service.StopInvoke("bill"));

        Assert.That(refused!.Message, Does.Contain("CHAINED_INVOKE").And.Contain("SUCCEEDED"));
    }

    private static async Task<InMemoryDurableService> StartedAsync()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.StartInvoke("bill", "billing-function"));
        service.NextInvocationInput();
        return service;
    }

    private static void AssertEnded(InMemoryDurableService service, OperationStatus status) =>
        Assert.Multiple(() =>
        {
            Assert.That(service.Operation("bill").Status, Is.EqualTo(status));
            Assert.That(service.UpdatedOperationIds(), Is.EqualTo(new[] { "bill" }));
            Assert.That(service.PendingInvokes(), Is.Empty);
        });
}
