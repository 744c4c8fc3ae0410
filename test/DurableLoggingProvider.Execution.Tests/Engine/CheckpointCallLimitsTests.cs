using System.Linq;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>What one checkpoint call may hold (durable-wire-format.md section 4, and AWS's checkpoint server's refusals).</summary>
[TestFixture]
public class CheckpointCallLimitsTests
{
    [Test]
    public void ACallTakesAtMostTwoHundredUpdates()
    {
        var queue = Enumerable.Range(0, 250).Select(number => Queued($"op-{number}", OperationType.Step, OperationAction.Succeed, 100)).ToList();

        Assert.That(CheckpointCallLimits.Take(queue), Is.EqualTo(200));
    }

    [Test]
    public void ACallStopsBeforeTheUpdateThatWouldTakeItPastItsBytes()
    {
        var queue = Enumerable.Range(0, 4).Select(number => Queued($"op-{number}", OperationType.Step, OperationAction.Succeed, 300 * 1024)).ToList();

        Assert.That(CheckpointCallLimits.Take(queue), Is.EqualTo(2));
    }

    [Test]
    public void AnUpdateLargerThanACallStillGoesAlone()
    {
        var queue = new[] { Queued("big", OperationType.Step, OperationAction.Succeed, 900 * 1024), Queued("next", OperationType.Step, OperationAction.Succeed, 10) };

        Assert.That(CheckpointCallLimits.Take(queue), Is.EqualTo(1));
    }

    [TestCase(OperationType.Step)]
    [TestCase(OperationType.Context)]
    public void AStepsOrContextsStartAndOneOutcomeShareACall(OperationType type)
    {
        var queue = new[] { Queued("a", type, OperationAction.Start), Queued("a", type, OperationAction.Succeed), Queued("b", type, OperationAction.Start) };

        Assert.That(CheckpointCallLimits.Take(queue), Is.EqualTo(3));
    }

    [Test]
    public void AThirdUpdateOfTheSameOperationWaitsForTheNextCall()
    {
        var queue = new[] { Queued("a", OperationType.Step, OperationAction.Start), Queued("a", OperationType.Step, OperationAction.Retry), Queued("a", OperationType.Step, OperationAction.Start) };

        Assert.That(CheckpointCallLimits.Take(queue), Is.EqualTo(2));
    }

    [TestCase(OperationType.Wait, OperationAction.Start, OperationAction.Cancel)]
    [TestCase(OperationType.Callback, OperationAction.Start, OperationAction.Succeed)]
    [TestCase(OperationType.Step, OperationAction.Succeed, OperationAction.Fail)]
    [TestCase(OperationType.Step, OperationAction.Start, OperationAction.Start)]
    public void AnyOtherPairOfUpdatesOfTheSameOperationGoesInTwoCalls(OperationType type, OperationAction first, OperationAction second)
    {
        var queue = new[] { Queued("a", type, first), Queued("a", type, second) };

        Assert.That(CheckpointCallLimits.Take(queue), Is.EqualTo(1));
    }

    private static QueuedUpdate Queued(string id, OperationType type, OperationAction action, int bytes = 100) =>
        new(new OperationUpdate { Id = id, Type = type, Action = action }, bytes, null);
}
