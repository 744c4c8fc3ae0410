using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>Child contexts as the service records them: one <c>CONTEXT</c> operation, sub-type <c>RunInChildContext</c>, whose operations carry its id as <c>ParentId</c>.</summary>
[TestFixture]
public class ChildContextOperationTests
{
    private static readonly string s_childId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task AChildContextIsCheckpointedAsAContextStartedThenSucceededWithItsResult(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver(new InMemoryServiceOptions { PruneFinishedContexts = false });

        var output = await driver.InvokeAsync<string, int>(
            (_, context) => context.RunInChildContextAsync(child => child.StepAsync(_ => Task.FromResult(7), "count"), "prepare"),
            cancellationToken);

        var updates = driver.UpdatesOf(s_childId);
        var child = driver.Operation(s_childId);
        Assert.Multiple(() =>
        {
            Assert.That(output.Result, Is.EqualTo("7"));
            Assert.That(updates.Select(update => update.Action), Is.EqualTo(new[] { OperationAction.Start, OperationAction.Succeed }));
            Assert.That(updates.Select(update => update.Type), Is.All.EqualTo(OperationType.Context));
            Assert.That(updates.Select(update => update.SubType), Is.All.EqualTo("RunInChildContext"));
            Assert.That(updates.Select(update => update.Name), Is.All.EqualTo("prepare"));
            Assert.That(updates[^1].Payload, Is.EqualTo("7"));
            Assert.That(child.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(child.ContextDetails?.Result, Is.EqualTo("7"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task TheOperationsOfAChildContextCarryItsIdAsParentId(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });

        var result = await runner.RunAsync<string, int>(
            "input",
            (_, context) => context.RunInChildContextAsync(
                async child =>
                {
                    await child.StepAsync(_ => Task.FromResult(1), "inner step");
                    await child.WaitAsync(TimeSpan.FromSeconds(1), "inner wait");
                    return await child.RunInChildContextAsync(grandchild => grandchild.StepAsync(_ => Task.FromResult(2), "grandchild step"), "grandchild");
                },
                "child"),
            cancellationToken).WaitAsync(cancellationToken);

        var child = result.OperationsNamed("child").Single();
        var grandchild = result.OperationsNamed("grandchild").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(child.ParentId, Is.Null);
            Assert.That(result.OperationsNamed("inner step").Single().ParentId, Is.EqualTo(child.Id));
            Assert.That(result.OperationsNamed("inner wait").Single().ParentId, Is.EqualTo(child.Id));
            Assert.That(grandchild.ParentId, Is.EqualTo(child.Id));
            Assert.That(grandchild.SubType, Is.EqualTo("RunInChildContext"));
            Assert.That(result.OperationsNamed("grandchild step").Single().ParentId, Is.EqualTo(grandchild.Id));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ASucceededChildContextIsNotRunAgainOnReplay(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var bodyRuns = 0;

        var outputs = await driver.RunUntilEndAsync<string, int>(
            async (_, context) =>
            {
                var value = await context.RunInChildContextAsync(
                    _ =>
                    {
                        Interlocked.Increment(ref bodyRuns);
                        return Task.FromResult(11);
                    },
                    "prepare");
                await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                return value;
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(outputs.Select(output => output.Status), Is.EqualTo(new[] { InvocationStatus.Pending, InvocationStatus.Succeeded }));
            Assert.That(outputs[^1].Result, Is.EqualTo("11"));
            Assert.That(bodyRuns, Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AResultTooLargeToStoreIsRebuiltFromTheChildrenOnReplay(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var logger = driver.LoggerFactory.CreateLogger("Workflow");
        var large = new string('p', 300 * 1024);
        var stepRuns = 0;
        var bodyRuns = 0;

        var outputs = await driver.RunUntilEndAsync<string, int>(
            async (_, context) =>
            {
                var document = await context.RunInChildContextAsync(
                    async child =>
                    {
                        Interlocked.Increment(ref bodyRuns);
                        logger.LogInformation("rendering");
                        var rendered = await child.StepAsync(
                            _ =>
                            {
                                Interlocked.Increment(ref stepRuns);
                                return Task.FromResult(large);
                            },
                            "render");
                        logger.LogInformation("rendered");
                        return rendered;
                    },
                    "document");
                await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                return document.Length;
            },
            cancellationToken);

        var succeed = driver.UpdatesOf(s_childId).Single(update => update.Action == OperationAction.Succeed);
        Assert.Multiple(() =>
        {
            Assert.That(outputs.Select(output => output.Status), Is.EqualTo(new[] { InvocationStatus.Pending, InvocationStatus.Succeeded }));
            Assert.That(outputs[^1].Result, Is.EqualTo((300 * 1024).ToString(CultureInfo.InvariantCulture)));
            Assert.That(succeed.ContextOptions?.ReplayChildren, Is.True);
            Assert.That(driver.Operation(s_childId).ContextDetails?.ReplayChildren, Is.True);
            Assert.That(bodyRuns, Is.EqualTo(2), "the body runs again to rebuild the result");
            Assert.That(stepRuns, Is.EqualTo(1), "its step replays from the checkpoint");
            Assert.That(driver.RecordsWithMessage("rendering"), Has.Count.EqualTo(1));
            Assert.That(driver.RecordsWithMessage("rendered"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AFailingChildContextIsCheckpointedAsFailWithItsError(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Exception? seen = null;

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                try
                {
                    await context.RunInChildContextAsync(_ => Task.FromException<int>(new InvalidOperationException("no stock")), "reserve");
                }
                catch (Exception exception)
                {
                    seen = exception;
                }

                return "handled";
            },
            cancellationToken);

        var updates = driver.UpdatesOf(s_childId);
        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(seen?.Message, Does.Contain("no stock"));
            Assert.That(updates.Select(update => update.Action), Is.EqualTo(new[] { OperationAction.Start, OperationAction.Fail }));
            Assert.That(updates[^1].Error?.ErrorType, Is.EqualTo("System.InvalidOperationException"));
            Assert.That(updates[^1].Error?.ErrorMessage, Is.EqualTo("no stock"));
            Assert.That(driver.Operation(s_childId).Status, Is.EqualTo(OperationStatus.Failed));
        });
    }
}
