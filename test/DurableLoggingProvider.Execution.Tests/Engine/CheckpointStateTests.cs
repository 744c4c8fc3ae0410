using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// The state an invocation knows: the input's operations, loaded once, and what checkpoints' answers add or
/// change, merged by id; the answer's version is the one every reader sees.
/// </summary>
[TestFixture]
public class CheckpointStateTests
{
    [Test]
    public void AnIdLoadedTwiceIsRefusedTheSecondTimeAndTheFirstIsKept()
    {
        var state = new CheckpointState(null, expectedOperations: 2);
        var first = Step("a", OperationStatus.Started);

        var added = state.TryLoad(first);
        var addedAgain = state.TryLoad(Step("a", OperationStatus.Succeeded));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(added, Is.True);
            Assert.That(addedAgain, Is.False);
            Assert.That(state.Get("a"), Is.SameAs(first));
            Assert.That(state.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public void AnAnswersOperationReplacesTheLoadedOneWithItsId()
    {
        var state = new CheckpointState(null);
        state.TryLoad(Step("a", OperationStatus.Pending));
        var answered = Step("a", OperationStatus.Succeeded);

        state.Merge([answered]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Get("a"), Is.SameAs(answered));
            Assert.That(state.Count, Is.EqualTo(1), "the same operation, not a second one");
        }
    }

    [Test]
    public void TheCountHoldsTheLoadedOperationsAndTheOnesOnlyAnAnswerHas()
    {
        var state = new CheckpointState(null);
        state.TryLoad(Step("a", OperationStatus.Succeeded));
        state.TryLoad(Step("b", OperationStatus.Succeeded));

        state.Merge([Step("b", OperationStatus.Succeeded), Step("c", OperationStatus.Started)]);
        state.Merge([Step("c", OperationStatus.Succeeded), Step("d", OperationStatus.Started)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Count, Is.EqualTo(4));
            Assert.That(state.Get("d")?.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(state.Get("e"), Is.Null);
        }
    }

    [Test]
    public void ALoadedPendingStepNoLongerPendsOnceAnAnswerShowsItReady()
    {
        var state = new CheckpointState(null);
        state.TryLoad(Step("a", OperationStatus.Pending));
        var pendingWhenLoaded = state.HasPendingOperation();

        state.Merge([Step("a", OperationStatus.Ready)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pendingWhenLoaded, Is.True);
            Assert.That(state.HasPendingOperation(), Is.False);
        }
    }

    [Test]
    public void AnAnsweredWaitStillStartedIsPending()
    {
        var state = new CheckpointState(null);
        state.TryLoad(Step("a", OperationStatus.Succeeded));

        state.Merge([new Operation { Id = "w", Type = OperationType.Wait, Status = OperationStatus.Started }]);

        Assert.That(state.HasPendingOperation(), Is.True);
    }

    [Test]
    public void OnlyTheLoadedExecutionOperationIsTakenAsTheExecutions()
    {
        var state = new CheckpointState(null);
        var loaded = new Operation { Id = "execution", Type = OperationType.Execution, Status = OperationStatus.Started };
        state.TryLoad(loaded);
        var beforeTaken = state.Execution;

        state.TakeExecution(loaded);
        state.Merge([new Operation { Id = "execution", Type = OperationType.Execution, Status = OperationStatus.Started }]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeTaken, Is.Null, "taken once its page is valid");
            Assert.That(state.Execution, Is.SameAs(loaded));
            Assert.That(state.HasCheckpointedWork, Is.False, "nothing but the EXECUTION operation");
        }
    }

    [Test]
    public void ALoadedStepIsCheckpointedWork()
    {
        var state = new CheckpointState(null);

        state.TryLoad(Step("a", OperationStatus.Started));

        Assert.That(state.HasCheckpointedWork, Is.True);
    }

    private static Operation Step(string id, OperationStatus status) => new() { Id = id, Type = OperationType.Step, SubType = OperationSubTypes.Step, Status = status };
}
