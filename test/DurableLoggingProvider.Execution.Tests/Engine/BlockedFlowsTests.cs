using System.Collections.Generic;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// The awaits blocked on the service: after a merge, those whose operations the merged pages show finished
/// resume, and only those; the others keep waiting.
/// </summary>
[TestFixture]
public class BlockedFlowsTests
{
    [Test]
    public void AMergeResumesTheAwaitsOfTheOperationsItFinishedAndNoOther()
    {
        var (state, running, blocked) = Create();
        running.Add(1); // a second flow beside the root one
        var waitA = blocked.WaitAsync(new ExecutionFlow(), "a");
        var waitB = blocked.WaitAsync(new ExecutionFlow(), "b");
        var idleWhileBlocked = running.IsIdle;

        var merged = Merge(state, Wait("a", OperationStatus.Succeeded), Wait("b", OperationStatus.Started));
        blocked.ResumeFinished(merged);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(idleWhileBlocked, Is.True, "both flows blocked");
            Assert.That(waitA.IsCompleted, Is.True);
            Assert.That(waitB.IsCompleted, Is.False);
            Assert.That(running.Running, Is.EqualTo(1), "the resumed flow runs again");
        }
    }

    [Test]
    public void EveryAwaitOnTheFinishedOperationResumes()
    {
        var (state, _, blocked) = Create();
        var first = blocked.WaitAsync(new ExecutionFlow(), "callback");
        var second = blocked.WaitAsync(new ExecutionFlow(), "callback");

        blocked.ResumeFinished(Merge(state, Wait("callback", OperationStatus.Succeeded)));

        Assert.That(new[] { first.IsCompleted, second.IsCompleted }, Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void AStepReadyForItsNextAttemptResumesItsAwait()
    {
        var (state, _, blocked) = Create();
        var retry = blocked.WaitAsync(new ExecutionFlow(), "step");

        blocked.ResumeFinished(Merge(state, new Operation { Id = "step", Type = OperationType.Step, Status = OperationStatus.Ready }));

        Assert.That(retry.IsCompleted, Is.True);
    }

    [Test]
    public void AnOperationAlreadyFinishedDoesNotBlock()
    {
        var (state, running, blocked) = Create();
        Merge(state, Wait("a", OperationStatus.Succeeded));

        var wait = blocked.WaitAsync(new ExecutionFlow(), "a");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wait.IsCompleted, Is.True);
            Assert.That(running.IsIdle, Is.False);
        }
    }

    [Test]
    public void AnAwaitOnAnOperationTheStateDoesNotHoldIsAWaitOnAnUnknownOperation()
    {
        var (state, _, blocked) = Create();
        Merge(state, Wait("known", OperationStatus.Started));
        _ = blocked.WaitAsync(new ExecutionFlow(), "known");
        var onlyKnown = blocked.WaitOnUnknownOperation();

        _ = blocked.WaitAsync(new ExecutionFlow(), "unknown");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onlyKnown, Is.False);
            Assert.That(blocked.WaitOnUnknownOperation(), Is.True);
        }
    }

    private static (CheckpointState State, RunningFlows Running, BlockedFlows Blocked) Create()
    {
        var state = new CheckpointState(null);
        var running = new RunningFlows();
        return (state, running, new BlockedFlows(state, running));
    }

    /// <summary>Merges operations into the state as a checkpoint's answer does, and returns the page merged.</summary>
    private static List<StateReadPage> Merge(CheckpointState state, params Operation[] operations)
    {
        state.Merge(operations);
        return [new StateReadPage(operations, "NewExecutionState.Operations", "CheckpointDurableExecution answer")];
    }

    private static Operation Wait(string id, OperationStatus status) => new() { Id = id, Type = OperationType.Wait, Status = status };
}
