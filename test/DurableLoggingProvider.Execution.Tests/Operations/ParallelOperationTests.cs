using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>Parallel as the service records it: a <c>CONTEXT</c> of sub-type <c>Parallel</c> holding one <c>ParallelBranch</c> context per branch.</summary>
[TestFixture]
public class ParallelOperationTests
{
    private static readonly string s_parallelId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task AParallelIsAContextOfSubTypeParallelWithOneParallelBranchPerBranch(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                var batch = await context.ParallelAsync(
                    new Func<IDurableContext, Task<string>>[]
                    {
                        branch => branch.StepAsync(_ => Task.FromResult("invoice"), "bill"),
                        async branch =>
                        {
                            await branch.WaitAsync(TimeSpan.FromSeconds(2), "pack");
                            return "parcel";
                        },
                    },
                    "fulfil");
                return string.Join("+", batch.GetResults());
            },
            cancellationToken).WaitAsync(cancellationToken);

        var parallel = result.Operations.Single(operation => operation.Id == s_parallelId);
        var branches = result.Operations.Where(operation => operation.ParentId == s_parallelId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("invoice+parcel"));
            Assert.That(parallel.Type, Is.EqualTo(OperationType.Context));
            Assert.That(parallel.SubType, Is.EqualTo("Parallel"));
            Assert.That(parallel.Name, Is.EqualTo("fulfil"));
            Assert.That(parallel.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(branches.Select(operation => operation.Id), Is.EquivalentTo(new[] { OperationIds.Create(s_parallelId, 1), OperationIds.Create(s_parallelId, 2) }));
            Assert.That(branches.Select(operation => operation.SubType), Is.All.EqualTo("ParallelBranch"));
            Assert.That(branches.Select(operation => operation.Status), Is.All.EqualTo(OperationStatus.Succeeded));
            Assert.That(result.OperationsNamed("bill").Single().ParentId, Is.EqualTo(OperationIds.Create(s_parallelId, 1)));
            Assert.That(result.OperationsNamed("pack").Single().ParentId, Is.EqualTo(OperationIds.Create(s_parallelId, 2)));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AFailingBranchIsRecordedInTheResultNotThrown(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });
        BatchResult<string>? batch = null;

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                batch = await context.ParallelAsync(
                    new Func<IDurableContext, Task<string>>[]
                    {
                        _ => throw new TimeoutException("the courier did not answer"),
                        _ => Task.FromResult("billed"),
                    },
                    "fulfil");
                return "done";
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(batch!.Items.Select(item => item.Status), Is.EqualTo(new[] { BatchItemStatus.Failed, BatchItemStatus.Succeeded }));
            Assert.That(batch.Items[0].Error?.ErrorType, Is.EqualTo("System.TimeoutException"));
            Assert.That(batch.Items[0].Error?.ErrorMessage, Is.EqualTo("the courier did not answer"));
            Assert.That(batch.Items[1].Result, Is.EqualTo("billed"));
            Assert.That(result.Operations.Single(operation => operation.Id == OperationIds.Create(s_parallelId, 1)).Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(() => batch.GetResults(), Throws.InstanceOf<DurableOperationFailedException>());
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task NoMoreBranchesRunAtOnceThanMaxConcurrency(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var concurrency = new BatchConcurrency();
        Func<IDurableContext, Task<int>> Branch(int value) => async branch =>
        {
            using (concurrency.Enter())
            {
                return await branch.StepAsync(
                    async _ =>
                    {
                        await Task.Delay(10);
                        return value;
                    },
                    "work");
            }
        };

        var result = await runner.RunAsync<string, int>(
            "input",
            async (_, context) =>
            {
                var batch = await context.ParallelAsync(Enumerable.Range(1, 4).Select(Branch).ToArray(), "work", new ParallelConfig { MaxConcurrency = 1 });
                return batch.GetResults().Sum();
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo(10));
            Assert.That(concurrency.Most, Is.EqualTo(1));
        });
    }
}
