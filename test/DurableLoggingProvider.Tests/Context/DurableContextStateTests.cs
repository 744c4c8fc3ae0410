using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Context;

/// <summary>A durable context's status, which only moves from replaying to live, and the children it creates.</summary>
[TestFixture]
public class DurableContextStateTests
{
    [Test]
    public void AContextKeepsWhatItWasCreatedWith()
    {
        var state = new DurableContextState("arn:exec", isReplaying: true, parentId: "ctx-1", replayMode: ReplayMode.Mark);

        Assert.Multiple(() =>
        {
            Assert.That(state.ExecutionArn, Is.EqualTo("arn:exec"));
            Assert.That(state.IsReplaying, Is.True);
            Assert.That(state.ParentId, Is.EqualTo("ctx-1"));
            Assert.That(state.ReplayMode, Is.EqualTo(ReplayMode.Mark));
        });
    }

    [Test]
    public void ARootContextHasNoParentAndFollowsTheConfiguredMode()
    {
        var state = new DurableContextState("arn:exec", isReplaying: false);

        Assert.Multiple(() =>
        {
            Assert.That(state.ParentId, Is.Null);
            Assert.That(state.ReplayMode, Is.Null);
        });
    }

    [Test]
    public void GoingLiveIsOneWay()
    {
        var state = new DurableContextState("arn:exec", isReplaying: true);

        state.GoLive();
        var afterFirst = state.IsReplaying;
        state.GoLive();

        Assert.Multiple(() =>
        {
            Assert.That(afterFirst, Is.False);
            Assert.That(state.IsReplaying, Is.False);
        });
    }

    [Test]
    public void GoingLiveOnAnotherThreadIsSeenByEveryFlowThatHoldsTheContext()
    {
        var state = new DurableContextState("arn:exec", isReplaying: true);

        using (DurableLogContext.EnterContext(state))
        {
            Task.Run(() => DurableLogContext.Context!.GoLive()).Wait();

            Assert.That(DurableLogContext.Context!.IsReplaying, Is.False);
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void AChildInheritsTheExecutionTheModeAndTheStatusAtThatMoment(bool replaying)
    {
        var parent = new DurableContextState("arn:exec", replaying, parentId: null, replayMode: ReplayMode.Emit);

        var child = parent.CreateChild("ctx-7");

        Assert.Multiple(() =>
        {
            Assert.That(child.ExecutionArn, Is.EqualTo("arn:exec"));
            Assert.That(child.ReplayMode, Is.EqualTo(ReplayMode.Emit));
            Assert.That(child.IsReplaying, Is.EqualTo(replaying));
            Assert.That(child.ParentId, Is.EqualTo("ctx-7"));
        });
    }

    [Test]
    public void AChildCreatedAfterTheParentWentLiveStartsLive()
    {
        var parent = new DurableContextState("arn:exec", isReplaying: true);
        var before = parent.CreateChild("ctx-before");
        parent.GoLive();

        var after = parent.CreateChild("ctx-after");

        Assert.Multiple(() =>
        {
            Assert.That(before.IsReplaying, Is.True);
            Assert.That(after.IsReplaying, Is.False);
        });
    }

    [Test]
    public void AChildCanBeGivenItsOwnStatus()
    {
        var parent = new DurableContextState("arn:exec", isReplaying: true, replayMode: ReplayMode.Mark);

        var branch = parent.CreateChild("branch-1", isReplaying: false);

        Assert.Multiple(() =>
        {
            Assert.That(branch.IsReplaying, Is.False);
            Assert.That(branch.ExecutionArn, Is.EqualTo("arn:exec"));
            Assert.That(branch.ReplayMode, Is.EqualTo(ReplayMode.Mark));
            Assert.That(branch.ParentId, Is.EqualTo("branch-1"));
        });
    }

    [Test]
    public void ParentAndChildGoLiveIndependently()
    {
        var parent = new DurableContextState("arn:exec", isReplaying: true);
        var first = parent.CreateChild("branch-1");
        var second = parent.CreateChild("branch-2");

        first.GoLive();

        Assert.Multiple(() =>
        {
            Assert.That(first.IsReplaying, Is.False);
            Assert.That(second.IsReplaying, Is.True);
            Assert.That(parent.IsReplaying, Is.True);
        });

        parent.GoLive();

        Assert.That(second.IsReplaying, Is.True);
    }

    [Test]
    public void AMissingExecutionArnIsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                () => new DurableContextState(null!, isReplaying: false),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("executionArn"));
            Assert.That(
                () => new DurableContextState(string.Empty, isReplaying: false),
                Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("executionArn"));
        });
    }

    [Test]
    public void AnUndefinedReplayModeIsRejectedNamingTheAllowedModes()
    {
        Assert.That(
            () => new DurableContextState("arn:exec", isReplaying: false, replayMode: (ReplayMode)5),
            Throws.ArgumentException
                .With.Property(nameof(ArgumentException.ParamName)).EqualTo("replayMode")
                .And.Message.Contains("Suppress, Emit, Mark"));
    }

    [Test]
    public void AChildWithoutAParentIdIsRejected()
    {
        var parent = new DurableContextState("arn:exec", isReplaying: false);

        Assert.Multiple(() =>
        {
            Assert.That(
                () => parent.CreateChild(null!),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("parentId"));
            Assert.That(
                () => parent.CreateChild(string.Empty, isReplaying: true),
                Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("parentId"));
        });
    }
}
