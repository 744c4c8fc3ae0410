using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// State delivered in pages (durable-wire-format.md, sections 1 and 4; replay-gate.md, scenario 11): the
/// engine reads every page of the input's state before the workflow runs, and every page of a
/// checkpoint's answer before it goes on.
/// </summary>
[TestFixture]
public class StatePagingTests
{
    private const string Category = "Workflow";

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(null)]
    [CancelAfter(30000)]
    public async Task EveryPageIsLoadedBeforeTheWorkflowRuns(int? pageSize, CancellationToken cancellationToken)
    {
        CountingStateReads? reads = null;
        using var driver = new InvocationDriver(new InMemoryServiceOptions { PageSize = pageSize }, service => reads = new CountingStateReads(service));
        var logger = driver.LoggerFactory.CreateLogger(Category);
        var bodyRuns = new int[4];
        Func<string?, IDurableContext, Task<int>> handler = async (_, context) =>
        {
            logger.LogInformation("before the steps");
            var total = 0;
            for (var i = 0; i < bodyRuns.Length; i++)
            {
                var index = i;
                total += await context.StepAsync(
                    _ =>
                    {
                        Interlocked.Increment(ref bodyRuns[index]);
                        return Task.FromResult((index + 1) * 10);
                    },
                    $"step {index + 1}");
            }

            logger.LogInformation("before the wait");
            await context.WaitAsync(TimeSpan.FromSeconds(5), "pause");
            logger.LogInformation("after the wait");
            return total;
        };

        var first = await driver.InvokeAsync(handler, cancellationToken);
        driver.FireNextTimer();
        reads!.Reset();
        var second = await driver.InvokeAsync(handler, cancellationToken);

        // The second invocation's state holds the EXECUTION operation, the four steps and, last, the wait.
        const int Operations = 6;
        var pagesAfterTheFirst = pageSize is { } size ? ((Operations + size - 1) / size) - 1 : 0;
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(second.Result, Is.EqualTo("100"));
            Assert.That(bodyRuns, Is.EqualTo(new[] { 1, 1, 1, 1 }), "each step's body runs once");
            Assert.That(reads.PagesRead, Is.EqualTo(pagesAfterTheFirst), "pages read after the one in the input");
            Assert.That(
                LineSignatures.Messages(driver.Sink.JsonRecords(), Category),
                Is.EqualTo(new[] { "after the wait", "before the steps", "before the wait" }));
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [CancelAfter(30000)]
    public async Task AWorkflowWithChildContextsWritesTheSameLinesPagedAsUnpaged(int pageSize, CancellationToken cancellationToken)
    {
        var unpaged = await RunBranchingWorkflowAsync(null, cancellationToken);
        var paged = await RunBranchingWorkflowAsync(pageSize, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(paged.Result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(paged.Result.Result, Is.EqualTo(unpaged.Result.Result));
            Assert.That(paged.Result.Invocations, Has.Count.EqualTo(unpaged.Result.Invocations.Count));
            Assert.That(paged.Lines, Is.EqualTo(unpaged.Lines));
            Assert.That(paged.Lines.Select(line => line.Split(" | ")[0]), Is.Unique, "every line once");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ACheckpointAnswerWithANextMarkerIsReadToItsLastPage(CancellationToken cancellationToken)
    {
        PagedCheckpointResponses? paging = null;
        using var driver = new InvocationDriver(decorate: service => paging = new PagedCheckpointResponses(service));
        string? handedOut = null;
        Func<string?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            await context.StepAsync(_ => Task.FromResult(1), "prepare");

            // The callback's id exists only in the checkpoint answer, which here arrives on a later page.
            var callback = await context.CreateCallbackAsync<string>("approval");
            handedOut = callback.CallbackId;
            return await callback.GetResultAsync();
        };

        var first = await driver.InvokeAsync(handler, cancellationToken);
        var callbackId = driver.Service.PendingCallbacks().Single().CallbackDetails!.CallbackId!;
        driver.Service.SucceedCallback(callbackId, "\"approved\"");
        var second = await driver.InvokeAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(handedOut, Is.EqualTo(callbackId));
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(second.Result, Is.EqualTo("\"approved\""));
            Assert.That(paging!.PagesIssued, Is.GreaterThan(0));
            Assert.That(paging.PagesServed, Is.EqualTo(paging.PagesIssued), "every page of every answer is read");
        });
    }

    private static async Task<(LocalRunResult<int> Result, IReadOnlyList<string> Lines)> RunBranchingWorkflowAsync(int? pageSize, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PageSize = pageSize } });
        var logger = runner.LoggerFactory.CreateLogger(Category);
        var result = await runner.RunAsync<string, int>(
            "input",
            async (_, context) =>
            {
                logger.LogInformation("start");
                var fromChild = await context.RunInChildContextAsync(
                    async child =>
                    {
                        logger.LogInformation("child before its wait");
                        await child.WaitAsync(TimeSpan.FromSeconds(2), "child pause");
                        logger.LogInformation("child after its wait");
                        return await child.StepAsync(_ => Task.FromResult(5), "child step");
                    },
                    "child");
                logger.LogInformation("after the child");
                var mapped = await context.MapAsync(
                    new[] { 1, 2, 3 },
                    async (item, value, index) =>
                    {
                        logger.LogInformation("item {Index} before its wait", index);
                        await item.WaitAsync(TimeSpan.FromSeconds(index + 1), "item pause");
                        logger.LogInformation("item {Index} after its wait", index);
                        return await item.StepAsync(_ => Task.FromResult(value * 10), "item step");
                    },
                    "items");
                logger.LogInformation("end");
                return fromChild + mapped.GetResults().Sum();
            },
            cancellationToken).WaitAsync(cancellationToken);
        return (result, LineSignatures.Of(result.Records, Category));
    }
}
