using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

[TestFixture(ServiceClientKind.Direct)]
[TestFixture(ServiceClientKind.Lambda)]
public class ConcurrentWorkflowTests(ServiceClientKind client) : ConformanceFixture(client)
{
    // Invocations of a workflow whose waits run side by side under skipped time (see Scenario3's test).
    private const int ConcurrentWaitsLeast = 2;
    private const int ConcurrentWaitsMost = 3;

    private static readonly StepConfig s_noRetry = new() { RetryStrategy = RetryStrategy.None };

    internal static Task<string> TwoBranchesWaitingDifferentLengths(string? input, IDurableContext context, ILogger logger) =>
        RunBranches(context, logger);

    internal static Task<int> MapOfItemsWithAStepAndAWait(int items, IDurableContext context, ILogger logger) =>
        MapOfItemsWithAStepAndAWait(items, context, logger, _ => TimeSpan.FromSeconds(1));

    internal static async Task<int> MapOfItemsWithAStepAndAWait(int items, IDurableContext context, ILogger logger, Func<int, TimeSpan> wait)
    {
        var results = await context.MapAsync(Enumerable.Range(0, items).ToList(), async (item, value, index) =>
        {
            logger.LogInformation("item {Item} before", value);
            var doubled = await item.StepAsync(_ => Task.FromResult(value * 2), "double");
            await item.WaitAsync(wait(value), "pause");
            logger.LogInformation("item {Item} after", value);
            return doubled;
        }, "items");
        logger.LogInformation("after map");
        return results.GetResults().Sum();
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario3_TwoParallelBranchesWaitingDifferentLengthsWriteEachLineOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", TwoBranchesWaitingDifferentLengths, null, cancellationToken);

        // The first invocation starts both waits in one call. AWS's runner (skipped time) ends each wait when it
        // reads the call and queues an invocation for it: the next invocation finds both ended, or only the first
        // and then learns of the second from a checkpoint answer (2), unless the second has not ended by its last
        // call (3). Which, the runner's scheduling decides, not the engine.
        ConformanceAssert.Conforms(result, "SUCCEEDED", ConcurrentWaitsLeast, ConcurrentWaitsMost, new Dictionary<string, int>
        {
            ["branch 0 before"] = 1, ["branch 0 after"] = 1, ["branch 1 before"] = 1, ["branch 1 after"] = 1, ["after parallel"] = 1,
        });
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario4_AMapOverFiveItemsWritesEachItemsLinesOnceInItsOwnContext(CancellationToken cancellationToken)
    {
        var result = await RunAsync<int, int>(5, MapOfItemsWithAStepAndAWait, null, cancellationToken);

        var expected = Enumerable.Range(0, 5).SelectMany(item => new[] { $"item {item} before", $"item {item} after" }).ToDictionary(line => line, _ => 1);
        expected["after map"] = 1;
        // Invocations: the first starts the five waits, as Scenario3's: then one more, or two when a wait has not
        // ended by the second's last call (AWS's runner's scheduling).
        ConformanceAssert.Conforms(result, "SUCCEEDED", ConcurrentWaitsLeast, ConcurrentWaitsMost, expected);
        Assert.That(result.Result, Is.EqualTo("20"));
        var parents = result.Records.Where(record => record.GetProperty("message").GetString()!.StartsWith("item", StringComparison.Ordinal)).Select(record => record.GetProperty("parentId").GetString());
        Assert.That(parents.Distinct().Count(), Is.EqualTo(5));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AMapWithFailingItemsEndsWithTheirErrorsAndWritesEachLineOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            var results = await context.MapAsync(new[] { 0, 1, 2, 3 }, async (item, value, index) =>
            {
                logger.LogInformation("item {Item}", value);
                await item.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                return await item.StepAsync(_ => value % 2 == 1 ? throw new InvalidOperationException($"item {value} fails") : Task.FromResult(value), "work", s_noRetry);
            }, "items");
            var outcome = string.Join(",", results.Items.Select(item => item.Status.ToString()));
            logger.LogInformation("outcome {Outcome}", outcome);
            return outcome;
        }, null, cancellationToken);

        // As Scenario3's: the first invocation starts the four waits, then one more or (the runner's scheduling) two.
        ConformanceAssert.Conforms(result, "SUCCEEDED", ConcurrentWaitsLeast, ConcurrentWaitsMost, new Dictionary<string, int>
        {
            ["item 0"] = 1, ["item 1"] = 1, ["item 2"] = 1, ["item 3"] = 1, ["outcome Succeeded,Failed,Succeeded,Failed"] = 1,
        });
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AParallelWithAFailingBranchEndsWithItsErrorAndWritesEachLineOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            var branches = new Func<IDurableContext, Task<string>>[]
            {
                async branch =>
                {
                    logger.LogInformation("good branch");
                    await branch.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                    return await branch.StepAsync(_ => Task.FromResult("fine"), "work");
                },
                async branch =>
                {
                    logger.LogInformation("bad branch");
                    await branch.WaitAsync(TimeSpan.FromSeconds(2), "pause");
                    return await branch.StepAsync<string>(_ => throw new InvalidOperationException("bad branch fails"), "work", s_noRetry);
                },
            };
            var results = await context.ParallelAsync(branches, "both");
            var outcome = string.Join(",", results.Items.Select(item => item.Status.ToString()));
            logger.LogInformation("outcome {Outcome}", outcome);
            return outcome;
        }, null, cancellationToken);

        // As Scenario3's: the first invocation starts both waits, then one more or (the runner's scheduling) two.
        ConformanceAssert.Conforms(result, "SUCCEEDED", ConcurrentWaitsLeast, ConcurrentWaitsMost, new Dictionary<string, int>
        {
            ["good branch"] = 1, ["bad branch"] = 1, ["outcome Succeeded,Failed"] = 1,
        });
    }

    private static async Task<string> RunBranches(IDurableContext context, ILogger logger)
    {
        var branches = new[] { 1, 2 }.Select((seconds, index) => new Func<IDurableContext, Task<string>>(async branch =>
        {
            logger.LogInformation("branch {Branch} before", index);
            await branch.WaitAsync(TimeSpan.FromSeconds(seconds), "pause");
            logger.LogInformation("branch {Branch} after", index);
            return $"branch {index}";
        })).ToList();
        var results = await context.ParallelAsync(branches, "branches");
        logger.LogInformation("after parallel");
        return string.Join(",", results.GetResults());
    }
}
