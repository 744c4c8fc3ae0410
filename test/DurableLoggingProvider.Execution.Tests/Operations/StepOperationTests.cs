using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>Steps as the service records them (durable-wire-format.md, sections 4 and 6).</summary>
[TestFixture]
public class StepOperationTests
{
    private static readonly string s_stepId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task AStepIsCheckpointedAsStartThenSucceedWithItsResultAsJsonText(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, int[]>((_, context) => context.StepAsync(_ => Task.FromResult(new[] { 3, 5 }), "pick"), cancellationToken);

        var updates = driver.UpdatesOf(s_stepId);
        var step = driver.Operation(s_stepId);
        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(updates.Select(update => update.Action), Is.EqualTo(new[] { OperationAction.Start, OperationAction.Succeed }));
            Assert.That(updates.Select(update => update.Type), Is.All.EqualTo(OperationType.Step));
            Assert.That(updates.Select(update => update.SubType), Is.All.EqualTo("Step"));
            Assert.That(updates.Select(update => update.Name), Is.All.EqualTo("pick"));
            Assert.That(updates.Select(update => update.ParentId), Is.All.Null);
            Assert.That(updates[^1].Payload, Is.EqualTo("[3,5]"));
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(step.StepDetails?.Result, Is.EqualTo("[3,5]"));
            Assert.That(step.StepDetails?.Attempt ?? 0, Is.Zero, "no attempt failed");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AReplayedStepReturnsItsStoredResultWithoutRunningItsBody(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var bodyRuns = 0;
        Func<string?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            var label = await context.StepAsync(_ => Task.FromResult($"label-{Interlocked.Increment(ref bodyRuns)}"), "print label");
            await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
            return label;
        };

        var outputs = await driver.RunUntilEndAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(outputs.Select(output => output.Status), Is.EqualTo(new[] { InvocationStatus.Pending, InvocationStatus.Succeeded }));
            Assert.That(outputs[^1].Result, Is.EqualTo("\"label-1\""));
            Assert.That(bodyRuns, Is.EqualTo(1));
            Assert.That(driver.UpdatesOf(s_stepId).Select(update => update.Action), Is.EqualTo(new[] { OperationAction.Start, OperationAction.Succeed }), "nothing is checkpointed for the replay");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStepThatFailsWithoutRetriesIsCheckpointedAsFailWithItsError(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Exception? seen = null;

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                try
                {
                    await context.StepAsync(_ => Task.FromException<int>(new InvalidOperationException("card declined")), "charge", new StepConfig { RetryStrategy = RetryStrategy.None });
                }
                catch (Exception exception)
                {
                    seen = exception;
                }

                return "handled";
            },
            cancellationToken);

        var updates = driver.UpdatesOf(s_stepId);
        var step = driver.Operation(s_stepId);
        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(seen, Is.TypeOf<StepException>());
            Assert.That(seen?.Message, Does.Contain("card declined"));
            Assert.That(updates.Select(update => update.Action), Is.EqualTo(new[] { OperationAction.Start, OperationAction.Fail }));
            Assert.That(updates[^1].Error?.ErrorType, Is.EqualTo("System.InvalidOperationException"));
            Assert.That(updates[^1].Error?.ErrorMessage, Is.EqualTo("card declined"));
            Assert.That(step.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(step.StepDetails?.Error?.ErrorMessage, Is.EqualTo("card declined"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AFailedStepIsNotRunAgainOnReplayButThrowsItsStoredError(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var bodyRuns = 0;
        var seen = new ConcurrentQueue<Exception>();
        Func<string?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            try
            {
                await context.StepAsync(
                    _ =>
                    {
                        Interlocked.Increment(ref bodyRuns);
                        return Task.FromException<int>(new InvalidOperationException("card declined"));
                    },
                    "charge",
                    new StepConfig { RetryStrategy = RetryStrategy.None });
            }
            catch (Exception exception)
            {
                seen.Enqueue(exception);
            }

            await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
            return "handled";
        };

        var outputs = await driver.RunUntilEndAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(outputs[^1].Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(outputs, Has.Count.EqualTo(2));
            Assert.That(bodyRuns, Is.EqualTo(1));
            Assert.That(seen.Select(exception => exception.GetType()), Is.EqualTo(new[] { typeof(StepException), typeof(StepException) }));
            Assert.That(seen.Select(exception => exception.Message), Is.All.Contain("card declined"));
        });
    }
}
