using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class CrashScenarioTests
{
    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario13_LinesBetweenAStepAndACrashBeforeTheNextCheckpointAreWrittenAtMostTwiceAndNothingIsLost(CancellationToken cancellationToken)
    {
        // Invocation 1 checkpoints s1's start and success (one call), then dies on s2's call, its start and success.
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CrashAfterCheckpoints = { [1] = 1 } });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync("input", TwoStepWorkflow(logger), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { true, false }));
            Assert.That(result.RecordsWithMessage("A").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("in s1").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));

            // B ran after s1's checkpoint in the invocation that crashed, and again in the one that finished the
            // work: the crash left nothing to tell the two apart. At least once, at most twice.
            Assert.That(result.RecordsWithMessage("B"), Has.Count.InRange(1, 2));
            Assert.That(result.RecordsWithMessage("B").RequestIds(), Does.Contain(result.RequestIdOf(1)), "written as it happened");

            // s2 runs at least once: its start goes with its success, so its body ran before the call that was lost.
            Assert.That(result.RecordsWithMessage("in s2").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1), result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("C").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario13_AStepInterruptedByACrashRunsAgainAndItsLinesAreWrittenAgainButNotTheLinesBeforeIt(CancellationToken cancellationToken)
    {
        // Invocation 1 checkpoints s1, runs s2's body, then dies on s2's call: its start and success, sent together
        // (at least once), never reach the service.
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CrashAfterCheckpoints = { [1] = 1 } });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync("input", TwoStepWorkflow(logger), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { true, false }));
            Assert.That(result.RecordsWithMessage("A").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("in s1").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }), "s1 was checkpointed before the crash");

            // The body really ran twice: both runs' lines are kept.
            Assert.That(result.RecordsWithMessage("in s2").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1), result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("C").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario13_ACrashInOneBranchWhileItsSiblingIsBlockedFailsTheInvocationAndLosesNothing(CancellationToken cancellationToken)
    {
        // Invocation 1 dies on its third checkpoint call (s2's), while one branch steps and the other waits.
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CrashAfterCheckpoints = { [1] = 2 } });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            var branches = new Func<IDurableContext, Task<int>>[]
            {
                async branch =>
                {
                    logger.LogInformation("waiting branch start");
                    await branch.WaitAsync(TimeSpan.FromSeconds(1));
                    logger.LogInformation("waiting branch end");
                    return 1;
                },
                async branch =>
                {
                    logger.LogInformation("stepping branch start");
                    for (var number = 0; number < 3; number++)
                    {
                        await branch.StepAsync(_ => Task.CompletedTask, $"s{number}");
                        logger.LogInformation("after step {Step}", number);
                    }

                    return 2;
                },
            };
            await context.ParallelAsync(branches, "fan-out");
            logger.LogInformation("after parallel");
            return "done";
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));

            // The failed checkpoint fails the invocation, though a sibling branch is blocked: it must not end PENDING.
            Assert.That(result.Invocations[0].Crashed, Is.True);
            Assert.That(result.Invocations[0].Status, Is.Null);
            foreach (var line in new[] { "waiting branch start", "waiting branch end", "stepping branch start", "after parallel" })
            {
                Assert.That(result.RecordsWithMessage(line), Has.Count.EqualTo(1), line);
            }

            for (var number = 0; number < 3; number++)
            {
                Assert.That(result.RecordsWithMessage($"after step {number}"), Has.Count.InRange(1, 2), $"after step {number}");
            }
        });
    }

    private static Func<string?, IDurableContext, Task<string>> TwoStepWorkflow(ILogger logger) => async (input, context) =>
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
    };
}
