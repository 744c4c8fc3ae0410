using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>
/// Scenarios 8, 8b, 8c, 9, 13 and 16 of replay-gate.md (callbacks, conditions, crashes) in every mode, on
/// pruning and keeping stores, paged and unpaged.
/// </summary>
[TestFixture]
public class MatrixCallbackScenarioTests
{
    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8_ABranchHoldingACallbackBesideASiblingThatWaitsThreeTimes(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options(answerCallback: pending => pending.InvocationNumber >= 4 ? CallbackAnswer.Succeed("\"yes\"") : null));
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            var branches = new Func<IDurableContext, Task<string>>[]
            {
                async branch =>
                {
                    var callback = await branch.CreateCallbackAsync<string>("approval");
                    await branch.StepAsync(_ => Task.CompletedTask, "notify");
                    logger.LogInformation("waiting");
                    var answer = await callback.GetResultAsync();
                    logger.LogInformation("approved");
                    return answer;
                },
                async branch =>
                {
                    for (var number = 1; number <= 3; number++)
                    {
                        logger.LogInformation("sibling {Wait}", number);
                        await branch.WaitAsync(TimeSpan.FromSeconds(1));
                    }

                    logger.LogInformation("sibling end");
                    return "slept";
                },
            };
            await context.ParallelAsync(branches, "branches");
            logger.LogInformation("after");
            return "done";
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("waiting", "approved", "sibling 1", "sibling 2", "sibling 3", "sibling end", "after"));
        Assert.That(result.Invocations, Has.Count.GreaterThanOrEqualTo(4), "the callback is answered only after three re-invocations");
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8b_ACallbackAnsweredDuringTheFirstSuspension(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options(answerCallback: _ => CallbackAnswer.Succeed("\"yes\"")));
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            var callback = await context.CreateCallbackAsync<string>("approval");
            await context.StepAsync(_ => Task.CompletedTask, "notify");
            logger.LogInformation("waiting");
            var answer = await callback.GetResultAsync();
            logger.LogInformation("approved");
            return answer;
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("waiting", "approved"));
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8c_ACallbackNeverAwaitedBeforeAWait(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            var callback = await context.CreateCallbackAsync<string>("never-awaited");
            await context.WaitAsync(TimeSpan.FromSeconds(5));
            logger.LogInformation("after");
            return callback.CallbackId;
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("after"));
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario9_AConditionPolledFourTimes(ScenarioStore store, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options());
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, int>("input", async (_, context) =>
        {
            var polls = await context.WaitForConditionAsync<int>(
                (previous, check, _) =>
                {
                    logger.LogInformation("check {Check}", check.AttemptNumber);
                    return Task.FromResult(previous + 1);
                },
                new WaitForConditionConfig<int> { InitialState = 0, WaitStrategy = WaitStrategy.Fixed<int>(TimeSpan.FromSeconds(2), count => count >= 4) },
                "poll");
            logger.LogInformation("after");
            return polls;
        }, cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("check 1", "check 2", "check 3", "check 4", "after"));
    }

    [TestCaseSource(typeof(ScenarioStore), nameof(ScenarioStore.All))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario13_ACrashAfterAStepsCheckpoint(ScenarioStore store, CancellationToken cancellationToken)
    {
        // Invocation 1 checkpoints s1's start and success (one call), then dies on s2's call, its start and success:
        // s2 ran at least once, so its body runs again (docs/replay-gate.md, scenario 13).
        using var runner = new LocalDurableRunner(store.Options(crashAfterCheckpoints: new Dictionary<int, int> { [1] = 1 }));
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync<string, string>("input", async (_, context) =>
        {
            logger.LogInformation("A");
            await context.StepAsync(_ =>
            {
                logger.LogInformation("in s1");
                return Task.CompletedTask;
            }, "s1");
            logger.LogInformation("B");
            await context.StepAsync(_ =>
            {
                logger.LogInformation("in s2");
                return Task.CompletedTask;
            }, "s2");
            logger.LogInformation("C");
            return "done";
        }, cancellationToken);

        var expected = ScenarioAnswer.Once("A", "in s1", "C");
        expected["B"] = (1, 2);
        expected["in s2"] = (2, 2);
        ScenarioAnswer.AssertLines(result, store, logger, expected);
        Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { true, false }));
    }

    [TestCaseSource(nameof(HeldCallbackCases))]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario16_ALineAfterANestedContextWhileACallbackIsHeld(ScenarioStore store, NestedContext nested, int heldAnsweredAt, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(store.Options(answerCallback: pending =>
            pending.Name != HeldCallbackScenario.HeldName || pending.InvocationNumber >= heldAnsweredAt ? CallbackAnswer.Succeed("\"yes\"") : null));
        var logger = new ExecutedLines(runner.LoggerFactory.CreateLogger(ScenarioAnswer.Category));

        var result = await runner.RunToEndAsync("input", HeldCallbackScenario.Workflow(logger, nested), cancellationToken);

        ScenarioAnswer.AssertLines(result, store, logger, ScenarioAnswer.Once("after", "got"));
    }

    private static IEnumerable<TestCaseData> HeldCallbackCases() =>
        from TestCaseData cell in ScenarioStore.All()
        from nested in Enum.GetValues<NestedContext>()
        from answeredAt in new[] { 1, 2 }
        let store = (ScenarioStore)cell.Arguments[0]!
        select new TestCaseData(store, nested, answeredAt).SetArgDisplayNames(store.ToString(), nested.ToString(), $"held answered after invocation {answeredAt}");
}
