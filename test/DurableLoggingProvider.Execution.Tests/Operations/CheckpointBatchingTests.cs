using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// How updates are grouped into checkpoint calls (durable-wire-format.md section 4): as few calls as the
/// guarantees allow. An at-least-once step's START goes with its outcome; an at-most-once step's START is on
/// record before its body runs; a map's STARTs and its items' go in one call; no call exceeds the limits.
/// </summary>
[TestFixture]
public class CheckpointBatchingTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task AnAtLeastOnceStepsStartGoesWithItsSucceedInOneCall(CancellationToken cancellationToken)
    {
        RecordedCheckpointCalls? calls = null;
        using var driver = new InvocationDriver(decorate: inner => calls = new RecordedCheckpointCalls(inner));

        var output = await driver.InvokeAsync<string, int>((_, context) => context.StepAsync(_ => Task.FromResult(1), "charge"), cancellationToken);

        Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
        Assert.That(calls!.Calls.Select(call => call.Select(update => update.Action)), Is.EqualTo(new[] { new[] { OperationAction.Start, OperationAction.Succeed } }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAtMostOnceStepsStartIsOnRecordAloneBeforeItsBodyRuns(CancellationToken cancellationToken)
    {
        RecordedCheckpointCalls? calls = null;
        using var driver = new InvocationDriver(decorate: inner => calls = new RecordedCheckpointCalls(inner));
        var callsBeforeBody = -1;
        var config = new StepConfig { Semantics = StepSemantics.AtMostOncePerRetry };

        await driver.InvokeAsync<string, int>(
            (_, context) => context.StepAsync(
                _ =>
                {
                    callsBeforeBody = calls!.Calls.Count;
                    return Task.FromResult(1);
                },
                "charge",
                config),
            cancellationToken);

        Assert.That(callsBeforeBody, Is.EqualTo(1), "the START's call was answered before the body ran");
        Assert.That(
            calls!.Calls.Select(call => call.Select(update => update.Action)),
            Is.EqualTo(new[] { new[] { OperationAction.Start }, new[] { OperationAction.Succeed } }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AFailedAttemptsStartGoesWithItsRetry(CancellationToken cancellationToken)
    {
        RecordedCheckpointCalls? calls = null;
        using var driver = new InvocationDriver(decorate: inner => calls = new RecordedCheckpointCalls(inner));
        var config = new StepConfig { RetryStrategy = RetryStrategy.FromDelegate((_, _) => RetryDecision.RetryAfter(TimeSpan.FromSeconds(5))) };

        var output = await driver.InvokeAsync<string, int>(
            (_, context) => context.StepAsync<int>(_ => throw new InvalidOperationException("declined"), "charge", config), cancellationToken);

        Assert.That(output.Status, Is.EqualTo(InvocationStatus.Pending));
        Assert.That(calls!.Calls.Select(call => call.Select(update => update.Action)), Is.EqualTo(new[] { new[] { OperationAction.Start, OperationAction.Retry } }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AMapsStartAndItsItemsStartsGoInOneCall(CancellationToken cancellationToken)
    {
        RecordedCheckpointCalls? calls = null;
        using var driver = new InvocationDriver(decorate: inner => calls = new RecordedCheckpointCalls(inner));

        var output = await driver.InvokeAsync<string, int>(
            async (_, context) =>
            {
                var result = await context.MapAsync<int, int>([1, 2, 3], (item, value, _) => item.StepAsync(_ => Task.FromResult(value * 2), "double"), "doubles");
                return result.GetResults().Sum(value => value);
            },
            cancellationToken);

        var first = calls!.Calls[0];
        var contextStarts = first.Where(update => update is { Type: OperationType.Context, Action: OperationAction.Start }).Select(update => update.SubType).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(output.Result, Is.EqualTo("12"));
            Assert.That(contextStarts, Is.EqualTo(new[] { "Map", "MapIteration", "MapIteration", "MapIteration" }));
            Assert.That(calls.Calls.SelectMany(call => call).Count(update => update.Action == OperationAction.Start), Is.EqualTo(7), "each operation started once");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task NoCallHoldsMoreThanTwoHundredUpdates(CancellationToken cancellationToken)
    {
        RecordedCheckpointCalls? calls = null;
        using var driver = new InvocationDriver(decorate: inner => calls = new RecordedCheckpointCalls(inner));
        var items = Enumerable.Range(0, 150).ToList();

        var output = await driver.InvokeAsync<string, int>(
            async (_, context) =>
            {
                var result = await context.MapAsync(items, (item, value, _) => item.StepAsync(_ => Task.FromResult(value), "echo"), "echoes");
                return result.GetResults().Count;
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded), output.Error?.ErrorMessage);
            Assert.That(calls!.Calls.Max(call => call.Count), Is.LessThanOrEqualTo(200));
            Assert.That(calls.Calls.Sum(call => call.Count), Is.EqualTo(2 + (150 * 4)), "the map's and each item's and step's START and outcome");
        });
    }
}
