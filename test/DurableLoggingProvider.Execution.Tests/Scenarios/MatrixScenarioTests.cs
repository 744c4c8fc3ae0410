using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>
/// Scenarios 1 to 7, 10 and 15 of replay-gate.md in every mode, on pruning and keeping stores, paged and
/// unpaged (scenarios 11, 12 and 14 are the matrix itself). The other scenario fixtures check the finer
/// facts (which invocation, which attempt, which parent) in the default store.
/// </summary>
[TestFixture]
public class MatrixScenarioTests
{
    /// <summary>Larger than the 256 KB a context may store, so the engine sets ReplayChildren instead.</summary>
    private static readonly string s_largeResult = new('x', 300 * 1024);

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario1_StepsAndAWait(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            logger.LogInformation("A");
            await context.StepAsync(_ => Task.FromResult(1), "s1");
            logger.LogInformation("B");
            await context.WaitAsync(TimeSpan.FromSeconds(5));
            logger.LogInformation("C");
            await context.StepAsync(_ => Task.FromResult(2), "s2");
            logger.LogInformation("D");
            return "done";
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("A", "B", "C", "D"));
        Assert.That(result.Invocations, Has.Count.EqualTo(2));
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario2_AStepRetriedAfterADelay(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));
        var retry = new StepConfig { RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 2 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(2)) : RetryDecision.DoNotRetry()) };

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            logger.LogInformation("before");
            await context.StepAsync(step =>
            {
                logger.LogInformation("inside");
                return step.AttemptNumber < 2 ? throw new InvalidOperationException("first attempt fails") : Task.CompletedTask;
            }, "s1", retry);
            logger.LogInformation("after");
            return "done";
        }, cancellationToken);

        var expected = ScenarioAnswer.Once("before", "after");
        expected["inside"] = (2, 2);
        ScenarioAnswer.AssertLines(result, store, logger, expected);
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario3_ParallelBranchesWaitingDifferentLengths(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            var branches = Enumerable.Range(1, 2).Select(number => new Func<IDurableContext, Task<int>>(async branch =>
            {
                logger.LogInformation("branch {Branch} start", number);
                await branch.WaitAsync(TimeSpan.FromSeconds(number * 2));
                logger.LogInformation("branch {Branch} end", number);
                return number;
            })).ToList();
            await context.ParallelAsync(branches, "branches");
            logger.LogInformation("after");
            return "done";
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("branch 1 start", "branch 1 end", "branch 2 start", "branch 2 end", "after"));
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario4_AMapOverFiveItems(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            await context.MapAsync(Enumerable.Range(0, 5).ToList(), async (item, value, _) =>
            {
                logger.LogInformation("item {Item} start", value);
                await item.StepAsync(_ => Task.FromResult(value), "work");
                await item.WaitAsync(TimeSpan.FromSeconds(value + 1));
                logger.LogInformation("item {Item} end", value);
                return value;
            }, "items");
            logger.LogInformation("after");
            return "done";
        }, cancellationToken);

        var lines = Enumerable.Range(0, 5).SelectMany(value => new[] { $"item {value} start", $"item {value} end" }).Append("after").ToArray();
        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once(lines));
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario5_AChildContextWithAWait(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            await context.RunInChildContextAsync(async child =>
            {
                logger.LogInformation("child start");
                await child.WaitAsync(TimeSpan.FromSeconds(5));
                logger.LogInformation("child end");
            }, "child");
            logger.LogInformation("parent");
            return "done";
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("child start", "child end", "parent"));
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario6And7_FinishedChildContextsReplayedWithAndWithoutTheirChildren(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, int>("input", async (_, context) =>
        {
            var small = await context.RunInChildContextAsync(async child =>
            {
                logger.LogInformation("in small child");
                return await child.StepAsync(_ => Task.FromResult("small"), "small step");
            }, "small");
            var large = await context.RunInChildContextAsync(async child =>
            {
                logger.LogInformation("in large child");
                return await child.StepAsync(_ => Task.FromResult(s_largeResult), "large step");
            }, "large");
            await context.WaitAsync(TimeSpan.FromSeconds(1));
            logger.LogInformation("after");
            return small.Length + large.Length;
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("in small child", "in large child", "after"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo(5 + s_largeResult.Length));
            Assert.That(logger.Counts["in small child"], Is.EqualTo(1), "scenario 6: a stored result is returned without running the body");
            Assert.That(logger.Counts["in large child"], Is.EqualTo(2), "scenario 7: ReplayChildren re-runs the body");
        });
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario10_TwoHundredStepsWithAWaitEveryTwenty(ScenarioStore store, CancellationToken cancellationToken)
    {
        const int Steps = 200;
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, int>("input", async (_, context) =>
        {
            for (var number = 1; number <= Steps; number++)
            {
                var current = number;
                logger.LogInformation("before step {Step}", current);
                await context.StepAsync(_ => Task.FromResult(current), $"step-{current}");
                if (current % 20 == 0)
                {
                    await context.WaitAsync(TimeSpan.FromSeconds(1), $"wait-{current}");
                }
            }

            logger.LogInformation("end");
            return Steps;
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once(Enumerable.Range(1, Steps).Select(number => $"before step {number}").Append("end").ToArray()));
        Assert.That(result.Invocations, Has.Count.EqualTo(11));
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario15_CodeOutsideTheHandlerBeforeAndBetweenInvocations(ScenarioStore store, CancellationToken cancellationToken)
    {
        ExecutedLines? logger = null;
        using var runner = new LocalDurableRunner(store.Options(answerCallback: _ =>
        {
            logger?.LogInformation("between invocations");
            return CallbackAnswer.Succeed("\"yes\"");
        }));
        logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        logger.LogInformation("start-up");
        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            var callback = await context.CreateCallbackAsync<string>("approval");
            logger.LogInformation("waiting");
            var answer = await callback.GetResultAsync();
            logger.LogInformation("approved");
            return answer;
        }, cancellationToken);
        logger.LogInformation("after the run");

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("start-up", "between invocations", "waiting", "approved", "after the run"), runner.Sink.JsonRecords());
    }
}
