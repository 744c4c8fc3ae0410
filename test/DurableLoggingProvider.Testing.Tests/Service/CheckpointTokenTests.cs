using System.Threading.Tasks;
using System.Threading;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// Checkpoint tokens (durable-wire-format.md, sections 1 and 4): every checkpoint is sent with the current
/// token and answers with a new one; an older token is stale.
/// </summary>
[TestFixture]
public class CheckpointTokenTests
{
    [Test]
    public async Task TheInvocationInputCarriesTheCurrentToken()
    {
        var service = NewService();
        await service.CheckpointAsync(Updates.Start("a", OperationType.Step));

        var input = service.NextInvocationInput();

        Assert.That(input.CheckpointToken, Is.EqualTo(service.CheckpointToken));
    }

    [Test]
    public async Task TheTokenACheckpointAnsweredWithIsTheOneTheNextMustSend()
    {
        var service = NewService();
        var first = await service.CheckpointAsync(Updates.Start("a", OperationType.Step));

        var second = await service.CheckpointAsync(first.CheckpointToken!, Updates.Succeed("a", OperationType.Step));

        Assert.That(second.CheckpointToken, Is.Not.EqualTo(first.CheckpointToken));
    }

    [Test]
    public async Task AnOlderTokenIsRefusedAsStale()
    {
        var service = NewService();
        var original = service.CheckpointToken;
        await service.CheckpointAsync(original, Updates.Start("a", OperationType.Step));

        var exception = Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(original, Updates.Succeed("a", OperationType.Step)));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("stale").And.Contain(original));
            Assert.That(service.Operation("a").Status, Is.EqualTo(OperationStatus.Started), "the stale checkpoint changed nothing");
        });
    }

    [Test]
    public async Task ARefusedCheckpointLeavesItsTokenCurrent()
    {
        var service = NewService();
        var token = service.CheckpointToken;
        Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(token, Updates.Cancel("missing", OperationType.Wait)));

        await service.CheckpointAsync(token, Updates.Start("a", OperationType.Step));

        Assert.That(service.Operation("a").Status, Is.EqualTo(OperationStatus.Started));
    }

    [Test]
    public void ACheckpointForAnotherExecutionIsRefused()
    {
        var service = NewService();
        var request = new CheckpointRequest
        {
            DurableExecutionArn = ExecutionArn.Replace("order-7", "order-8", System.StringComparison.Ordinal),
            CheckpointToken = service.CheckpointToken,
            Updates = [Updates.Start("a", OperationType.Step)],
        };

        Assert.ThrowsAsync<InvalidCheckpointException>(() => service.CheckpointAsync(request, CancellationToken.None));
    }
}
