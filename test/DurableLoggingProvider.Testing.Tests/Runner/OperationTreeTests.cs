using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// The run's operations as a tree (<see cref="LocalRunResult{T}.OperationTree"/>): roots in creation order,
/// each operation under the context whose id is its <c>ParentId</c> (durable-wire-format.md, section 2),
/// with lookups by name. With pruning (the default, as the real service) a finished context has no children.
/// </summary>
[TestFixture]
public class OperationTreeTests
{
    private static readonly string[] s_items = ["book", "lamp"];

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TheRootsAreTheExecutionThenTheTopLevelOperationsInCreationOrder(CancellationToken cancellationToken)
    {
        var result = await RunOrderAsync(prune: false, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.OperationTree.Select(root => root.Operation.Type).First(), Is.EqualTo(OperationType.Execution));
            Assert.That(result.OperationTree.Skip(1).Select(root => root.Operation.Name), Is.EqualTo(new[] { "validate", "notify", "reserve" }));
            Assert.That(result.OperationTree.Select(root => root.Parent), Is.All.Null);
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AContextsOperationsAreItsChildrenInCreationOrder(CancellationToken cancellationToken)
    {
        var result = await RunOrderAsync(prune: false, cancellationToken);

        var notify = result.Find("notify")!;
        var reserve = result.Find("reserve")!;
        Assert.Multiple(() =>
        {
            Assert.That(notify.Children.Select(child => child.Operation.Name), Is.EqualTo(new[] { "email", "sms" }));
            Assert.That(notify.Children.Select(child => child.Parent), Is.All.SameAs(notify));
            Assert.That(reserve.Children.Select(item => item.Operation.SubType), Is.EqualTo(new[] { OperationSubTypes.MapIteration, OperationSubTypes.MapIteration }));
            Assert.That(reserve.Children.Select(item => item.Children.Single().Operation.Name), Is.All.EqualTo("reserve-item"));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task EveryNodeSitsUnderTheOperationItsParentIdNames(CancellationToken cancellationToken)
    {
        var result = await RunOrderAsync(prune: false, cancellationToken);

        var nodes = All(result.OperationTree).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(nodes.Select(node => node.Operation.Id), Is.EquivalentTo(result.Operations.Select(operation => operation.Id)), "each operation once");
            Assert.That(nodes.Select(node => node.Parent?.Operation.Id), Is.EqualTo(nodes.Select(node => node.Operation.ParentId)));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task FindGivesTheFirstNodeWithTheNameAndFindAllGivesEveryOne(CancellationToken cancellationToken)
    {
        var result = await RunOrderAsync(prune: false, cancellationToken);

        var items = result.FindAll("reserve-item");
        Assert.Multiple(() =>
        {
            Assert.That(result.Find("sms")?.Operation.Type, Is.EqualTo(OperationType.Step));
            Assert.That(result.Find("sms")?.Parent?.Operation.Name, Is.EqualTo("notify"));
            Assert.That(items, Has.Count.EqualTo(2));
            Assert.That(items.Select(item => item.Parent!.Parent!.Operation.Name), Is.All.EqualTo("reserve"));
            Assert.That(result.Find("reserve-item"), Is.SameAs(items[0]));
            Assert.That(result.Find("no-such-operation"), Is.Null);
            Assert.That(result.FindAll("no-such-operation"), Is.Empty);
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ANodesLookupsSearchOnlyBelowIt(CancellationToken cancellationToken)
    {
        var result = await RunOrderAsync(prune: false, cancellationToken);

        var notify = result.Find("notify")!;
        Assert.Multiple(() =>
        {
            Assert.That(notify.Find("email")?.Operation.Name, Is.EqualTo("email"));
            Assert.That(notify.Find("reserve-item"), Is.Null);
            Assert.That(notify.Find("notify"), Is.Null, "a node is not below itself");
            Assert.That(result.Find("reserve")!.FindAll("reserve-item"), Has.Count.EqualTo(2));
            Assert.That(result.Find("reserve")!.Descendants().Count(), Is.EqualTo(4), "two items, each with its step");
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task WithPruningAFinishedContextHasNoChildrenLeftAndTheFlatListAgrees(CancellationToken cancellationToken)
    {
        var result = await RunOrderAsync(prune: true, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Find("notify")?.Children, Is.Empty);
            Assert.That(result.Find("reserve")?.Children, Is.Empty);
            Assert.That(result.Find("email"), Is.Null);
            Assert.That(result.OperationsNamed("email"), Is.Empty);
            Assert.That(result.OperationTree.Skip(1).Select(root => root.Operation.Name), Is.EqualTo(new[] { "validate", "notify", "reserve" }));
        });
    }

    [Test]
    public void AnOperationWhoseParentIsNotHeldIsARoot()
    {
        Operation[] operations =
        [
            new() { Id = "execution", Type = OperationType.Execution, Status = OperationStatus.Started },
            new() { Id = "orphan", Type = OperationType.Step, Status = OperationStatus.Succeeded, ParentId = "gone", Name = "orphan" },
        ];

        var tree = OperationNode.Tree(operations);

        Assert.That(tree.Select(root => root.Operation.Id), Is.EqualTo(new[] { "execution", "orphan" }));
    }

    /// <summary>validate; notify { email, sms }; reserve = map over two items { reserve-item }.</summary>
    private static async Task<LocalRunResult<string>> RunOrderAsync(bool prune, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = prune } });
        return await runner.RunAsync<string, string>(
            "order-7",
            async (_, context) =>
            {
                await context.StepAsync(_ => Task.CompletedTask, "validate", cancellationToken: cancellationToken);
                await context.RunInChildContextAsync(
                    async child =>
                    {
                        await child.StepAsync(_ => Task.CompletedTask, "email", cancellationToken: cancellationToken);
                        await child.StepAsync(_ => Task.CompletedTask, "sms", cancellationToken: cancellationToken);
                    },
                    "notify",
                    cancellationToken);
                await context.MapAsync(
                    s_items,
                    (item, value, _) => item.StepAsync(_ => Task.FromResult(value), "reserve-item", cancellationToken: cancellationToken),
                    "reserve",
                    cancellationToken: cancellationToken);
                return "done";
            },
            cancellationToken);
    }

    private static IEnumerable<OperationNode> All(IEnumerable<OperationNode> roots) => roots.SelectMany(root => root.Descendants().Prepend(root));
}
