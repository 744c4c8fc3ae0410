using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class LongWorkflowScenarioTests
{
    private const string WorkflowCategory = "Workflow";

    /// <summary>The lines of <see cref="MixedWorkflow"/>, each written once, and the invocation (1-based) that writes it.</summary>
    private static readonly Dictionary<string, int> s_mixedWorkflowLines = new()
    {
        ["start"] = 1, ["in s1"] = 1, ["child start"] = 1,
        ["child end"] = 2, ["between"] = 2, ["a start"] = 2, ["b start"] = 2,
        ["a end"] = 3,
        ["b end"] = 4,
        ["end"] = 5,
    };

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario10_TwoHundredStepsWithAWaitEveryTwentyWriteEveryLineOnceOverElevenInvocations(CancellationToken cancellationToken)
    {
        const int Steps = 200;
        const int StepsPerWait = 20;
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger(WorkflowCategory);

        var result = await runner.RunToEndAsync<string, int>("input", async (input, context) =>
        {
            var sum = 0;
            for (var number = 1; number <= Steps; number++)
            {
                var current = number;
                logger.LogInformation("before step {Step}", current);
                sum += await context.StepAsync(step =>
                {
                    logger.LogInformation("in step {Step}", current);
                    return Task.FromResult(current);
                }, $"step-{current}");
                if (current % StepsPerWait == 0)
                {
                    await context.WaitAsync(TimeSpan.FromSeconds(1), $"wait-{current}");
                }
            }

            logger.LogInformation("end");
            return sum;
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(Steps * (Steps + 1) / 2));
            Assert.That(result.Invocations, Has.Count.EqualTo(11));
            Assert.That(result.Records, Has.Count.EqualTo((2 * Steps) + 1), "every line once, nothing else");
            for (var number = 1; number <= Steps; number++)
            {
                // Steps 1 to 20 run in invocation 1, 21 to 40 in invocation 2, and so on.
                var invocation = ((number - 1) / StepsPerWait) + 1;
                Assert.That(result.RecordsWithMessage($"before step {number}").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(invocation) }), $"before step {number}");
                var inStep = result.RecordsWithMessage($"in step {number}");
                Assert.That(inStep.RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(invocation) }), $"in step {number}");
                Assert.That(inStep.Single().Text("operationName"), Is.EqualTo($"step-{number}"));
                Assert.That(inStep.Single().Number("attempt"), Is.EqualTo(1));
            }

            Assert.That(result.RecordsWithMessage("end").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(11) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario11_StateDeliveredInThreePagesGivesTheSameAnswerAsOnePage(CancellationToken cancellationToken)
    {
        var unpaged = await RunMixedWorkflowAsync(new InMemoryServiceOptions(), cancellationToken);

        // The largest state any invocation gets is 9 operations (invocation 3): pages of 4 deliver it in 3.
        var paged = await RunMixedWorkflowAsync(new InMemoryServiceOptions { PageSize = 4 }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(LargestPageNumber(unpaged), Is.EqualTo(1));
            Assert.That(LargestPageNumber(paged), Is.EqualTo(3), "the paged run must really page");
            AssertMixedWorkflowAnswer(unpaged, "unpaged");
            AssertMixedWorkflowAnswer(paged, "paged");
            Assert.That(WorkflowLines(paged), Is.EqualTo(WorkflowLines(unpaged)));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario12_AStoreThatKeepsChildrenOfFinishedContextsGivesTheSameAnswerAsOneThatPrunesThem(CancellationToken cancellationToken)
    {
        var pruned = await RunMixedWorkflowAsync(new InMemoryServiceOptions { PruneFinishedContexts = true }, cancellationToken);
        var kept = await RunMixedWorkflowAsync(new InMemoryServiceOptions { PruneFinishedContexts = false }, cancellationToken);

        Assert.Multiple(() =>
        {
            // The two stores really differ: only one still holds the finished child's own operations.
            Assert.That(pruned.OperationsNamed("c1"), Is.Empty);
            Assert.That(kept.OperationsNamed("c1"), Has.Count.EqualTo(1));
            AssertMixedWorkflowAnswer(pruned, "pruned");
            AssertMixedWorkflowAnswer(kept, "kept");
            Assert.That(WorkflowLines(kept), Is.EqualTo(WorkflowLines(pruned)));
        });
    }

    /// <summary>
    /// A step, a child context with a wait, a parallel whose branches wait for different times, and a last
    /// wait: five invocations, with finished contexts whose children a pruning store drops.
    /// </summary>
    private static Func<string?, IDurableContext, Task<string>> MixedWorkflow(ILogger logger) => async (input, context) =>
    {
        logger.LogInformation("start");
        await context.StepAsync(step =>
        {
            logger.LogInformation("in s1");
            return Task.CompletedTask;
        }, "s1");
        await context.RunInChildContextAsync(async child =>
        {
            logger.LogInformation("child start");
            await child.StepAsync(_ => Task.FromResult(1), "c1");
            await child.WaitAsync(TimeSpan.FromSeconds(1));
            logger.LogInformation("child end");
        }, "child");
        logger.LogInformation("between");
        var branches = new Func<IDurableContext, Task<int>>[]
        {
            async branch =>
            {
                logger.LogInformation("a start");
                await branch.WaitAsync(TimeSpan.FromSeconds(1));
                logger.LogInformation("a end");
                return 1;
            },
            async branch =>
            {
                logger.LogInformation("b start");
                await branch.StepAsync(_ => Task.FromResult(2), "b1");
                await branch.WaitAsync(TimeSpan.FromSeconds(2));
                logger.LogInformation("b end");
                return 2;
            },
        };
        await context.ParallelAsync(branches, "fan-out");
        await context.WaitAsync(TimeSpan.FromSeconds(1));
        logger.LogInformation("end");
        return "done";
    };

    private static async Task<LocalRunResult<string>> RunMixedWorkflowAsync(InMemoryServiceOptions service, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            Service = service,

            // The engine says how many pages of state each invocation loaded.
            ConfigureLogging = logging => logging.AddFilter("DurableLoggingProvider.Execution.Checkpoints", LogLevel.Debug),
        });
        var logger = runner.LoggerFactory.CreateLogger(WorkflowCategory);
        return await runner.RunToEndAsync("input", MixedWorkflow(logger), cancellationToken);
    }

    private static void AssertMixedWorkflowAnswer(LocalRunResult<string> result, string run)
    {
        Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded), run);
        Assert.That(result.Invocations, Has.Count.EqualTo(5), run);
        foreach (var (line, invocation) in s_mixedWorkflowLines)
        {
            Assert.That(result.RecordsWithMessage(line).RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(invocation) }), $"{run}: {line}");
        }

        Assert.That(WorkflowLines(result), Has.Count.EqualTo(s_mixedWorkflowLines.Count), $"{run}: no other workflow line");
    }

    /// <summary>The workflow's own lines as (message, invocation number, parent id), sorted: concurrent branches write in no fixed order.</summary>
    private static List<(string? Message, int? Invocation, string? ParentId)> WorkflowLines(LocalRunResult<string> result) =>
        result.Records
            .Where(record => record.Text("category") == WorkflowCategory)
            .Select(record => (record.Text("message"), result.InvocationNumberOf(record.Text("requestId")), record.Text("parentId")))
            .OrderBy(line => line.Item2)
            .ThenBy(line => line.Item1, StringComparer.Ordinal)
            .ToList();

    private static int LargestPageNumber(LocalRunResult<string> result) =>
        result.Records
            .Where(record => record.Text("category") == "DurableLoggingProvider.Execution.Checkpoints" && record.Has("Page"))
            .Max(record => record.Number("Page") ?? 0);
}
