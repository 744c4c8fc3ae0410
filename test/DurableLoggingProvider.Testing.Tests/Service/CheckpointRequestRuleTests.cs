using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// The rules AWS's checkpoint server applies to a request as a whole: every update has an id, an operation is
/// updated once per request (a STEP's or CONTEXT's START may be followed by one more update), a parent is a
/// CONTEXT already in the state or started earlier in the request, at most one EXECUTION update and it comes
/// last, an update with an error is at most 32,768 bytes, and nothing is taken once the execution has ended.
/// </summary>
[TestFixture]
public class CheckpointRequestRuleTests
{
    [Test]
    public void AnUpdateWithoutAnIdIsRefused()
    {
        var service = NewService();

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(Updates.Start(string.Empty, OperationType.Step)));

        Assert.That(exception!.Message, Does.Contain("must have an Id").And.Match(@"\bSTART\b").And.Match(@"\bSTEP\b"));
    }

    [Test]
    public async Task AStepsStartAndItsSucceedAreTakenInOneRequest()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step), Updates.Succeed("charge", OperationType.Step, "1"));

        Assert.That(service.Operation("charge").Status, Is.EqualTo(OperationStatus.Succeeded));
    }

    [Test]
    public void AStepStartedTwiceInOneRequestIsRefused()
    {
        var service = NewService();

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() =>
            service.CheckpointAsync(Updates.Start("charge", OperationType.Step), Updates.Start("charge", OperationType.Step)));

        Assert.That(exception!.Message, Does.Contain("twice in one request"));
    }

    [Test]
    public void AStepsThirdUpdateInOneRequestIsRefused()
    {
        var service = NewService();

        Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(
            Updates.Start("charge", OperationType.Step), Updates.Retry("charge", 5), Updates.Fail("charge", OperationType.Step)));

        Assert.That(service.Operations, Has.Count.EqualTo(1), "only the EXECUTION operation: the request was taken whole or not at all");
    }

    [Test]
    public void AWaitStartedAndCancelledInOneRequestIsRefused()
    {
        var service = NewService();

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() =>
            service.CheckpointAsync(Updates.StartWait("pause", 60), Updates.Cancel("pause", OperationType.Wait)));

        Assert.That(exception!.Message, Does.Match(@"\bCANCEL\b").And.Match(@"\bWAIT\b").And.Contain("twice in one request"));
    }

    [Test]
    public void AParentThatDoesNotExistIsRefused()
    {
        var service = NewService();

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(Updates.Start("child", OperationType.Step, parentId: "nowhere")));

        Assert.That(exception!.Message, Does.Contain("ParentId 'nowhere'"));
    }

    [Test]
    public async Task AParentThatIsNotAContextIsRefused()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("charge", OperationType.Step));

        Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(Updates.Start("child", OperationType.Step, parentId: "charge")));
    }

    [Test]
    public async Task AParentStartedEarlierInTheRequestOrAlreadyFinishedIsTaken()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Start("batch", OperationType.Context), Updates.Start("item", OperationType.Step, parentId: "batch"));
        await service.CheckpointAsync(Updates.Succeed("batch", OperationType.Context));
        await service.CheckpointAsync(Updates.Start("late", OperationType.Step, parentId: "batch"));

        Assert.That(service.Operation("late").ParentId, Is.EqualTo("batch"));
    }

    [Test]
    public void TwoExecutionUpdatesInOneRequestAreRefused()
    {
        var service = NewService();

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(
            Updates.Succeed("execution", OperationType.Execution, "1"), Updates.Succeed("execution-result", OperationType.Execution, "1")));

        Assert.That(exception!.Message, Does.Contain("at most one EXECUTION update"));
    }

    [Test]
    public void AnExecutionUpdateThatIsNotLastIsRefused()
    {
        var service = NewService();

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(
            Updates.Succeed("execution", OperationType.Execution, "1"), Updates.Start("charge", OperationType.Step)));

        Assert.That(exception!.Message, Does.Contain("must be the request's last update"));
    }

    [Test]
    public async Task AnExecutionUpdateAddressesTheExecutionWhateverItsId()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Succeed("execution-result-1764600000000", OperationType.Execution, "\"done\""));

        Assert.Multiple(() =>
        {
            Assert.That(service.Operations, Has.Count.EqualTo(1), "no second EXECUTION operation");
            Assert.That(service.Operation("execution").Status, Is.EqualTo(OperationStatus.Succeeded));
        });
    }

    [Test]
    public async Task NothingIsTakenOnceTheExecutionHasEnded()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Succeed("execution", OperationType.Execution, "\"done\""));

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(Updates.Start("charge", OperationType.Step)));

        Assert.That(exception!.Message, Does.Contain("SUCCEEDED").And.Contain("no longer valid"));
    }

    [Test]
    public async Task AnUpdateWithAnErrorOfAtMost32768BytesIsTaken()
    {
        var service = NewService();

        await service.CheckpointAsync(Updates.Fail("charge", OperationType.Step, Updates.Error("Declined", new string('x', 20_000))));

        Assert.That(service.Operation("charge").Status, Is.EqualTo(OperationStatus.Failed));
    }

    [Test]
    public void AnUpdateWithAnErrorOfMoreThan32768BytesIsRefused()
    {
        var service = NewService();

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() =>
            service.CheckpointAsync(Updates.Fail("charge", OperationType.Step, Updates.Error("Declined", new string('x', 40_000)))));

        Assert.That(exception!.Message, Does.Contain("at most 32768 bytes").And.Match(@"\bFAIL\b"));
    }
}
