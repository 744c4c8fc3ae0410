using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// The names map items and parallel branches are recorded with: AWS's defaults (<c>map-item-</c> and
/// <c>parallel-branch-</c> with the index, as the JS SDK gives them), or the workflow's own.
/// </summary>
[TestFixture]
public class BatchItemNameTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task MapItemsAreNamedMapItemAndTheirIndexByDefault(CancellationToken cancellationToken)
    {
        var result = await RunAsync(context => context.MapAsync(new[] { "a", "b", "c" }, (_, letter, _) => Task.FromResult(letter), "letters"), cancellationToken);

        Assert.That(ItemNames(result, "letters"), Is.EqualTo(new[] { "map-item-0", "map-item-1", "map-item-2" }));
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnItemNamerNamesEachItemAndAnEmptyNameFallsBackToTheDefault(CancellationToken cancellationToken)
    {
        var orders = new[] { "ord-1", "ord-2", "ord-3" };
        var seen = new ConcurrentDictionary<int, string?>();

        var result = await RunAsync(
            context => context.MapAsync(
                orders,
                (item, order, index) =>
                {
                    seen[index] = item.OperationName;
                    return Task.FromResult(order);
                },
                "orders",
                new MapConfig { ItemNamer = index => index == 1 ? string.Empty : $"order {orders[index]}" }),
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(ItemNames(result, "orders"), Is.EqualTo(new[] { "order ord-1", "map-item-1", "order ord-3" }));
            Assert.That(seen.OrderBy(pair => pair.Key).Select(pair => pair.Value), Is.EqualTo(new[] { "order ord-1", "map-item-1", "order ord-3" }));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ParallelBranchesAreNamedParallelBranchAndTheirIndexByDefault(CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            context => context.ParallelAsync<string>([_ => Task.FromResult("a"), _ => Task.FromResult("b")], "checks"),
            cancellationToken);

        Assert.That(ItemNames(result, "checks"), Is.EqualTo(new[] { "parallel-branch-0", "parallel-branch-1" }));
    }

    [Test]
    [CancelAfter(30000)]
    public async Task NamedBranchesAreRecordedWithTheirNamesAndSeeThemInTheirContexts(CancellationToken cancellationToken)
    {
        var seen = new ConcurrentBag<string?>();
        Task<string> Branch(IDurableContext branch)
        {
            seen.Add(branch.OperationName);
            return Task.FromResult(branch.OperationName ?? "none");
        }

        var result = await RunAsync(
            context => context.ParallelAsync<string>(
                [new ParallelBranch<string>("fraud check", Branch), new ParallelBranch<string>(null, Branch), new ParallelBranch<string>("stock check", Branch)],
                "checks"),
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(ItemNames(result, "checks"), Is.EqualTo(new[] { "fraud check", "parallel-branch-1", "stock check" }));
            Assert.That(result.Result, Is.EqualTo(new[] { "fraud check", "parallel-branch-1", "stock check" }));
            Assert.That(seen, Is.EquivalentTo(new[] { "fraud check", "parallel-branch-1", "stock check" }));
        });
    }

    [Test]
    public void ANullNamedBranchIsRefusedWhenTheParallelIsCalled()
    {
        using var runner = new LocalDurableRunner();
        ArgumentException? refused = null;

        var result = runner.RunAsync<string, string>(
            "input",
            (_, context) =>
            {
                refused = Assert.Throws<ArgumentException>(() => context.ParallelAsync<string>([new ParallelBranch<string>("a", _ => Task.FromResult("a")), null!]));
                return Task.FromResult("done");
            }).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(refused?.ParamName, Is.EqualTo("branches"));
            Assert.That(refused?.Message, Does.StartWith("Branch 1 of the parallel is null"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ReplayedItemsClaimTheSameNames(CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            async context =>
            {
                var batch = await context.MapAsync(
                    new[] { 1, 2 },
                    async (item, number, _) =>
                    {
                        await item.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                        return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    },
                    "numbers",
                    new MapConfig { ItemNamer = index => $"number {index}" });
                return batch;
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded), "the second invocation replays the items under the same names");
            Assert.That(result.Invocations, Has.Count.GreaterThan(1));
            Assert.That(ItemNames(result, "numbers"), Is.EqualTo(new[] { "number 0", "number 1" }));
        });
    }

    private static async Task<LocalRunResult<string[]>> RunAsync(Func<IDurableContext, Task<BatchResult<string>>> batch, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });
        return await runner.RunAsync<string, string[]>(
            "input",
            async (_, context) => (await batch(context)).GetResults().Select(result => result!).ToArray(),
            cancellationToken).WaitAsync(cancellationToken);
    }

    /// <summary>The names of the batch's items, in the order of their positions (their ids are the batch's id and the position).</summary>
    private static List<string?> ItemNames(LocalRunResult<string[]> result, string batchName)
    {
        var batch = result.OperationsNamed(batchName).Single();
        var items = result.Operations.Where(operation => operation.ParentId == batch.Id).ToDictionary(operation => operation.Id);
        return Enumerable.Range(1, items.Count).Select(position => items[OperationIds.Create(batch.Id, position)].Name).ToList();
    }
}
