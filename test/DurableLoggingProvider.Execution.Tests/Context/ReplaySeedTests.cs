using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Context;

/// <summary>The seeds of replay-gate.md ("Seeds"): the status each durable context starts with.</summary>
[TestFixture]
public class ReplaySeedTests
{
    [Test]
    public void TheRootReplaysOnlyWhenAnOperationOtherThanTheExecutionIsCheckpointed()
    {
        var firstInvocation = new CheckpointState(null);
        firstInvocation.Merge([new Operation { Id = "execution", Type = OperationType.Execution, Status = OperationStatus.Started }]);
        var laterInvocation = new CheckpointState(null);
        laterInvocation.Merge(
        [
            new Operation { Id = "execution", Type = OperationType.Execution, Status = OperationStatus.Started },
            new Operation { Id = "wait", Type = OperationType.Wait, Status = OperationStatus.Started },
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(ReplayRules.RootSeed(firstInvocation), Is.False, "the first invocation logs everything");
            Assert.That(ReplayRules.RootSeed(laterInvocation), Is.True, "any operation in any status");
        });
    }

    [Test]
    public void AChildContextStartsWithItsCreatorsStatus()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReplayRules.ChildSeed(creatorReplaying: true, replaysWholeBody: false), Is.True);
            Assert.That(ReplayRules.ChildSeed(creatorReplaying: false, replaysWholeBody: false), Is.False);
        });
    }

    [Test]
    public void AnItemWithoutACheckpointOfItsOwnStartsLiveEvenUnderAReplayingCreator()
    {
        var started = new Operation { Id = "item", Type = OperationType.Context, Status = OperationStatus.Started };

        Assert.Multiple(() =>
        {
            Assert.That(ReplayRules.ItemSeed(existing: null, creatorReplaying: true, replaysWholeBody: false), Is.False);
            Assert.That(ReplayRules.ItemSeed(started, creatorReplaying: true, replaysWholeBody: false), Is.True);
            Assert.That(ReplayRules.ItemSeed(started, creatorReplaying: false, replaysWholeBody: false), Is.False);
        });
    }

    [Test]
    public void ASucceededContextRunAgainForReplayChildrenReplaysItsWholeBody()
    {
        var succeeded = new Operation { Id = "child", Type = OperationType.Context, Status = OperationStatus.Succeeded, ContextDetails = new ContextDetails { ReplayChildren = true } };
        var started = new Operation { Id = "child", Type = OperationType.Context, Status = OperationStatus.Started };

        Assert.Multiple(() =>
        {
            Assert.That(ReplayRules.ReplayChildrenSeed(succeeded), Is.True);
            Assert.That(ReplayRules.ReplayChildrenSeed(started), Is.False);
            Assert.That(ReplayRules.ReplayChildrenSeed(null), Is.False);
            Assert.That(ReplayRules.ChildSeed(creatorReplaying: false, replaysWholeBody: true), Is.True, "replaying even under a live creator");
            Assert.That(ReplayRules.ItemSeed(succeeded, creatorReplaying: false, replaysWholeBody: true), Is.True);
        });
    }
}
