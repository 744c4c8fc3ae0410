using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// Paging (durable-wire-format.md, section 1): the invocation input carries the first page of
/// <c>InitialExecutionState</c>; while <c>NextMarker</c> is set, the rest comes from
/// <c>GetDurableExecutionState</c> pages of the same shape; an empty or absent marker means no more pages.
/// </summary>
[TestFixture]
public class StatePagingTests
{
    private const int StepCount = 10;

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(10)]
    [TestCase(11)]
    [TestCase(50)]
    [TestCase(null)]
    public async Task ThePagesCoverEveryOperationExactlyOnceInOrder(int? pageSize)
    {
        var service = await ServiceWithStepsAsync(pageSize);

        var pages = await ReadAllPagesAsync(service, maxItems: null);

        var expectedPages = pageSize is { } size ? (StepCount + 1 + size - 1) / size : 1;
        Assert.Multiple(() =>
        {
            Assert.That(pages.SelectMany(page => page).Select(operation => operation.Id), Is.EqualTo(service.Operations.Select(operation => operation.Id)));
            Assert.That(pages, Has.Count.EqualTo(expectedPages));
            Assert.That(pages.Select(page => page.Count), Is.All.LessThanOrEqualTo(pageSize ?? int.MaxValue));
        });
    }

    [Test]
    public async Task MaxItemsSmallerThanThePageSizeMakesSmallerPagesThatStillCoverEverything()
    {
        var service = await ServiceWithStepsAsync(pageSize: 5);

        var pages = await ReadAllPagesAsync(service, maxItems: 2);

        Assert.Multiple(() =>
        {
            Assert.That(pages.SelectMany(page => page).Select(operation => operation.Id), Is.EqualTo(service.Operations.Select(operation => operation.Id)));
            Assert.That(pages.Skip(1).Select(page => page.Count), Is.All.LessThanOrEqualTo(2));
        });
    }

    [Test]
    public async Task AMarkerTheServiceDidNotIssueIsRefused()
    {
        var service = await ServiceWithStepsAsync(pageSize: 3);

        Assert.ThrowsAsync<InvalidCheckpointException>(() => service.GetExecutionStateAsync(
            new ExecutionStateRequest { DurableExecutionArn = ExecutionArn, CheckpointToken = service.CheckpointToken, Marker = "not-a-marker" },
            CancellationToken.None));
    }

    private static async Task<InMemoryDurableService> ServiceWithStepsAsync(int? pageSize)
    {
        var service = NewService(new InMemoryServiceOptions { PageSize = pageSize });
        for (var i = 1; i <= StepCount; i++)
        {
            await service.CheckpointAsync(Updates.Start($"step-{i}", OperationType.Step));
        }

        return service;
    }

    /// <summary>Reads the state as the engine does: the input's page, then every page its markers lead to.</summary>
    private static async Task<List<List<Operation>>> ReadAllPagesAsync(InMemoryDurableService service, int? maxItems)
    {
        var input = service.NextInvocationInput();
        var page = input.InitialExecutionState!;
        var pages = new List<List<Operation>> { page.Operations };
        while (!string.IsNullOrEmpty(page.NextMarker))
        {
            Assert.That(pages, Has.Count.LessThan(100), "the markers must lead to an end");
            page = await service.GetExecutionStateAsync(
                new ExecutionStateRequest { DurableExecutionArn = service.ExecutionArn, CheckpointToken = input.CheckpointToken, Marker = page.NextMarker, MaxItems = maxItems },
                CancellationToken.None);
            pages.Add(page.Operations);
        }

        return pages;
    }
}
