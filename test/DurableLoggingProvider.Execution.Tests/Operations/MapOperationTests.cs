using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>Map as the service records it: a <c>CONTEXT</c> of sub-type <c>Map</c> holding one <c>MapIteration</c> context per item.</summary>
[TestFixture]
public class MapOperationTests
{
    private static readonly string s_mapId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task AMapIsAContextOfSubTypeMapWithOneMapIterationPerItem(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });

        var result = await runner.RunAsync<string, string[]>(
            "input",
            async (_, context) =>
            {
                var batch = await context.MapAsync(
                    new[] { "a", "b", "c" },
                    (item, letter, _) => item.StepAsync(_ => Task.FromResult(letter.ToUpperInvariant()), "upper"),
                    "letters");
                return batch.GetResults().Select(letter => letter!).ToArray();
            },
            cancellationToken).WaitAsync(cancellationToken);

        var map = result.Operations.Single(operation => operation.Id == s_mapId);
        var iterations = result.Operations.Where(operation => operation.ParentId == s_mapId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo(new[] { "A", "B", "C" }));
            Assert.That(map.Type, Is.EqualTo(OperationType.Context));
            Assert.That(map.SubType, Is.EqualTo("Map"));
            Assert.That(map.Name, Is.EqualTo("letters"));
            Assert.That(map.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(iterations.Select(operation => operation.Id), Is.EquivalentTo(Enumerable.Range(1, 3).Select(position => OperationIds.Create(s_mapId, position))));
            Assert.That(iterations.Select(operation => operation.Type), Is.All.EqualTo(OperationType.Context));
            Assert.That(iterations.Select(operation => operation.SubType), Is.All.EqualTo("MapIteration"));
            Assert.That(iterations.Select(operation => operation.Status), Is.All.EqualTo(OperationStatus.Succeeded));
            Assert.That(
                result.OperationsNamed("upper").Select(step => step.ParentId),
                Is.EquivalentTo(iterations.Select(iteration => iteration.Id)),
                "each item's step belongs to its own iteration");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AFailingItemIsRecordedInTheResultNotThrown(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });
        BatchResult<int>? batch = null;

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                batch = await context.MapAsync(
                    new[] { 10, 20, 30 },
                    (_, value, index) => index == 1 ? throw new InvalidOperationException("item 1 is broken") : Task.FromResult(value),
                    "values");
                return "mapped";
            },
            cancellationToken).WaitAsync(cancellationToken);

        var failedIteration = result.Operations.Single(operation => operation.Id == OperationIds.Create(s_mapId, 2));
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(batch!.HasFailure, Is.True);
            Assert.That(batch.Items.Select(item => item.Status), Is.EqualTo(new[] { BatchItemStatus.Succeeded, BatchItemStatus.Failed, BatchItemStatus.Succeeded }));
            Assert.That(batch.Items.Select(item => item.Result), Is.EqualTo(new[] { 10, 0, 30 }));
            Assert.That(batch.Items[1].Error?.ErrorType, Is.EqualTo("System.InvalidOperationException"));
            Assert.That(batch.Items[1].Error?.ErrorMessage, Is.EqualTo("item 1 is broken"));
            Assert.That(failedIteration.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(failedIteration.ContextDetails?.Error?.ErrorMessage, Is.EqualTo("item 1 is broken"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task NoMoreItemsRunAtOnceThanMaxConcurrency(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var concurrency = new BatchConcurrency();

        var result = await runner.RunAsync<string, int>(
            "input",
            async (_, context) =>
            {
                var batch = await context.MapAsync(
                    Enumerable.Range(0, 8).ToArray(),
                    async (item, value, _) =>
                    {
                        using (concurrency.Enter())
                        {
                            return await item.StepAsync(
                                async _ =>
                                {
                                    await Task.Delay(10);
                                    return value;
                                },
                                "work");
                        }
                    },
                    "numbers",
                    new MapConfig { MaxConcurrency = 3 });
                return batch.GetResults().Sum();
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo(28));
            Assert.That(concurrency.Most, Is.InRange(1, 3));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task NoMoreItemsAreInProgressThanMaxConcurrencyWhileTheyWait(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Func<string?, IDurableContext, Task<int>> handler = async (_, context) =>
        {
            var batch = await context.MapAsync(
                Enumerable.Range(1, 5).ToArray(),
                async (item, value, _) =>
                {
                    await item.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                    return value;
                },
                "numbers",
                new MapConfig { MaxConcurrency = 2 });
            return batch.GetResults().Sum();
        };

        var inProgress = new List<int>();
        DurableExecutionInvocationOutput output;
        do
        {
            output = await driver.InvokeAsync(handler, cancellationToken);
            inProgress.Add(driver.Service.Operations.Count(operation => operation.SubType == "MapIteration" && operation.Status == OperationStatus.Started));
            if (output.Status == InvocationStatus.Pending)
            {
                driver.FireNextTimer();
            }
        }
        while (output.Status == InvocationStatus.Pending && inProgress.Count < 20);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.EqualTo("15"));
            Assert.That(inProgress, Is.All.InRange(0, 2));
        });
    }
}
