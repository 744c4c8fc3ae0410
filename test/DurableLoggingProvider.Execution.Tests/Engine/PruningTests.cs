using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// A store that drops the children of finished contexts and one that keeps them
/// (durable-wire-format.md, section 4; replay-gate.md, scenario 12) give the same answer.
/// </summary>
[TestFixture]
public class PruningTests
{
    private const string Category = "Workflow";

    private static readonly string[] s_expectedLines =
    [
        "start",
        "child before its wait", "grandchild", "child after its wait", "after the child",
        "item 0 before its wait", "item 0 after its wait",
        "item 1 before its wait", "item 1 after its wait",
        "item 2 before its wait", "item 2 after its wait",
        "after the map",
        "short branch before", "short branch after", "long branch before", "long branch after",
        "after the parallel",
        "end",
    ];

    [Test]
    [CancelAfter(30000)]
    public async Task APruningAndAKeepingStoreGiveTheSameResultAndLines(CancellationToken cancellationToken)
    {
        var pruned = await RunAsync(prune: true, cancellationToken);
        var kept = await RunAsync(prune: false, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(pruned.Result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(kept.Result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(kept.Result.Result, Is.EqualTo(pruned.Result.Result));
            Assert.That(kept.Result.Invocations, Has.Count.EqualTo(pruned.Result.Invocations.Count));
            Assert.That(kept.Lines, Is.EqualTo(pruned.Lines));
            Assert.That(kept.StepRuns, Is.EqualTo(pruned.StepRuns));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    [CancelAfter(30000)]
    public async Task EveryLineIsWrittenOnceAndEveryStepRunsOnce(bool prune, CancellationToken cancellationToken)
    {
        var run = await RunAsync(prune, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(run.Result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(run.Result.Result, Is.EqualTo(5 + 60 + 3));
            Assert.That(LineSignatures.Messages(run.Result.Records, Category), Is.EqualTo(s_expectedLines.Order(StringComparer.Ordinal)));
            Assert.That(run.StepRuns.Values, Is.All.EqualTo(1), string.Join(", ", run.StepRuns.Select(pair => $"{pair.Key}: {pair.Value}")));
            Assert.That(run.StepRuns.Keys, Is.EquivalentTo(new[] { "child step", "grandchild step", "item step 0", "item step 1", "item step 2", "long branch step", "final" }));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    [CancelAfter(30000)]
    public async Task LinesInsideAChildContextCarryItsIdAsParentId(bool prune, CancellationToken cancellationToken)
    {
        var run = await RunAsync(prune, cancellationToken);

        var childLine = run.Result.RecordsWithMessage("child after its wait").Single();
        var grandchildLine = run.Result.RecordsWithMessage("grandchild").Single();
        Assert.Multiple(() =>
        {
            Assert.That(childLine.GetProperty("parentId").GetString(), Is.EqualTo(OperationIdsTests.FirstRootOperation));
            Assert.That(grandchildLine.GetProperty("parentId").GetString(), Is.EqualTo(OperationIds.Create(OperationIdsTests.FirstRootOperation, 1)));
            Assert.That(run.Result.RecordsWithMessage("start").Single().TryGetProperty("parentId", out _), Is.False);
        });
    }

    private static async Task<(LocalRunResult<int> Result, IReadOnlyList<string> Lines, IReadOnlyDictionary<string, int> StepRuns)> RunAsync(bool prune, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = prune } });
        var logger = runner.LoggerFactory.CreateLogger(Category);
        var stepRuns = new ConcurrentDictionary<string, int>();
        Task<T> Step<T>(IDurableContext context, string name, T value) =>
            context.StepAsync(
                _ =>
                {
                    stepRuns.AddOrUpdate(name, 1, (_, count) => count + 1);
                    return Task.FromResult(value);
                },
                name,
                cancellationToken: cancellationToken);

        var result = await runner.RunAsync<string, int>(
            "input",
            async (_, context) =>
            {
                logger.LogInformation("start");
                var fromChild = await context.RunInChildContextAsync(
                    async child =>
                    {
                        logger.LogInformation("child before its wait");
                        await child.RunInChildContextAsync(
                            async grandchild =>
                            {
                                logger.LogInformation("grandchild");
                                await Step(grandchild, "grandchild step", 0);
                            },
                            "grandchild");
                        await child.WaitAsync(TimeSpan.FromSeconds(2), "child pause");
                        logger.LogInformation("child after its wait");
                        return await Step(child, "child step", 5);
                    },
                    "child");
                logger.LogInformation("after the child");

                var mapped = await context.MapAsync(
                    new[] { 10, 20, 30 },
                    async (item, value, index) =>
                    {
                        logger.LogInformation("item {Index} before its wait", index);
                        await item.WaitAsync(TimeSpan.FromSeconds(index + 1), "item pause");
                        logger.LogInformation("item {Index} after its wait", index);
                        return await Step(item, $"item step {index}", value);
                    },
                    "items");
                logger.LogInformation("after the map");

                var branches = await context.ParallelAsync(
                    new Func<IDurableContext, Task<int>>[]
                    {
                        async branch =>
                        {
                            logger.LogInformation("short branch before");
                            await branch.WaitAsync(TimeSpan.FromSeconds(1), "short pause");
                            logger.LogInformation("short branch after");
                            return 1;
                        },
                        async branch =>
                        {
                            logger.LogInformation("long branch before");
                            await branch.WaitAsync(TimeSpan.FromSeconds(4), "long pause");
                            logger.LogInformation("long branch after");
                            return await Step(branch, "long branch step", 2);
                        },
                    },
                    "branches");
                logger.LogInformation("after the parallel");

                await Step(context, "final", 0);
                await context.WaitAsync(TimeSpan.FromSeconds(1), "last pause");
                logger.LogInformation("end");
                return fromChild + mapped.GetResults().Sum() + branches.GetResults().Sum();
            },
            cancellationToken).WaitAsync(cancellationToken);

        return (result, LineSignatures.Of(result.Records, Category), new Dictionary<string, int>(stepRuns));
    }
}
