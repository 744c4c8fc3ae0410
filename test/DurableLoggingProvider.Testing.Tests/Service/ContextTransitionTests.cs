using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// CONTEXT (durable-wire-format.md, section 4): START: STARTED; SUCCEED: SUCCEEDED (with <c>ReplayChildren</c>
/// = true when the result is too large to store); FAIL: FAILED. The <c>EXECUTION</c> operation is the
/// service's own: STARTED from the first invocation.
/// </summary>
[TestFixture]
public class ContextTransitionTests
{
    [Test]
    public void TheExecutionOperationIsStartedWithTheInputAsAJsonString()
    {
        var service = NewService();

        var execution = service.Operations[0];
        Assert.Multiple(() =>
        {
            Assert.That(execution.Type, Is.EqualTo(OperationType.Execution));
            Assert.That(execution.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(execution.ExecutionDetails?.InputPayload, Is.EqualTo("\"input\""));
        });
    }

    [Test]
    public async Task StartMakesTheContextStarted()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Start("notify", OperationType.Context));

        Assert.That(service.Operation("notify").Status, Is.EqualTo(OperationStatus.Started));
    }

    [Test]
    public async Task SucceedMakesTheContextSucceededWithItsResult()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("notify", OperationType.Context));

        await service.CheckpointAsync(Updates.Succeed("notify", OperationType.Context, "\"sent\""));

        var context = service.Operation("notify");
        Assert.Multiple(() =>
        {
            Assert.That(context.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(context.ContextDetails?.Result, Is.EqualTo("\"sent\""));
            Assert.That(context.ContextDetails?.ReplayChildren ?? false, Is.False);
        });
    }

    [Test]
    public async Task SucceedWithReplayChildrenKeepsTheFlag()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("notify", OperationType.Context));
        var succeed = Updates.Succeed("notify", OperationType.Context);
        succeed.ContextOptions = new ContextOptions { ReplayChildren = true };

        await service.CheckpointAsync(succeed);

        var context = service.Operation("notify");
        Assert.Multiple(() =>
        {
            Assert.That(context.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(context.ContextDetails?.ReplayChildren, Is.True);
        });
    }

    [Test]
    public async Task FailMakesTheContextFailedWithItsError()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("notify", OperationType.Context));

        await service.CheckpointAsync(Updates.Fail("notify", OperationType.Context, Updates.Error("MailDown", "no mail server")));

        var context = service.Operation("notify");
        Assert.Multiple(() =>
        {
            Assert.That(context.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(context.ContextDetails?.Error?.ErrorType, Is.EqualTo("MailDown"));
        });
    }

    [Test]
    public async Task ALargeResultIsCheckpointedAsAnExecutionSucceed()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Succeed("execution", OperationType.Execution, "\"large\""));

        Assert.That(service.Operation("execution").Status, Is.EqualTo(OperationStatus.Succeeded));
    }
}
