using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Crashes;

/// <summary>
/// Crash injection aimed at an operation (<see cref="LocalRunnerOptions.CrashAt"/>), on replay-gate.md's
/// scenario 13: <c>log A; step s1; log B; step s2; log C</c>, with an invocation that dies around a checkpoint.
/// Lines between the last checkpoint and the crash are written at least once, possibly twice; none is lost.
/// </summary>
[TestFixture]
public class AimedCrashTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACrashBeforeTheNextStepsCheckpointWritesTheLinesSinceTheLastOneTwiceAndLosesNone(CancellationToken cancellationToken)
    {
        // Scenario 13 as the spec puts it: s1 is checkpointed, then the invocation dies before s2's checkpoint.
        var result = await RunAsync(new LocalRunnerOptions { CrashAt = { CrashPoint.Before("s2", OperationAction.Succeed) } }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { true, false }));
            Assert.That(WrittenIn(result, "A"), Is.EqualTo(new[] { 1 }));
            Assert.That(WrittenIn(result, "in s1"), Is.EqualTo(new[] { 1 }), "s1 was checkpointed before the crash: not run again");
            Assert.That(WrittenIn(result, "B"), Is.EqualTo(new[] { 1, 2 }), "between s1's checkpoint and the crash: written twice");
            Assert.That(WrittenIn(result, "in s2"), Is.EqualTo(new[] { 1, 2 }), "its checkpoint never arrived, so it ran again");
            Assert.That(WrittenIn(result, "C"), Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACrashAfterAStepsCheckpointKeepsTheStepDoneAndWritesTheLinesAfterItOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync(new LocalRunnerOptions { CrashAt = { CrashPoint.After("s1", OperationAction.Succeed) } }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { true, false }));
            Assert.That(WrittenIn(result, "in s1"), Is.EqualTo(new[] { 1 }), "the service applied s1's success before the crash");
            Assert.That(WrittenIn(result, "B"), Is.EqualTo(new[] { 2 }), "the crashed invocation never heard s1's answer, so never went on");
            Assert.That(WrittenIn(result, "in s2"), Is.EqualTo(new[] { 2 }));
            Assert.That(WrittenIn(result, "C"), Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACrashBeforeAStepsCheckpointRunsTheStepAgain(CancellationToken cancellationToken)
    {
        var result = await RunAsync(new LocalRunnerOptions { CrashAt = { CrashPoint.Before("s1") } }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { true, false }));
            Assert.That(WrittenIn(result, "A"), Is.EqualTo(new[] { 1, 2 }), "nothing was checkpointed before the crash: invocation 2 starts afresh");
            Assert.That(WrittenIn(result, "in s1"), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(WrittenIn(result, "B"), Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACrashCanBeAimedByOperationIdAndAtOneInvocation(CancellationToken cancellationToken)
    {
        var plain = await RunAsync(new LocalRunnerOptions(), cancellationToken, coolOff: true);
        var s1 = plain.Find("s1")!.Operation.Id;

        var result = await RunAsync(
            new LocalRunnerOptions { CrashAt = { new CrashPoint { OperationId = s1, Moment = CrashMoment.AfterCheckpoint, Invocation = 2 } } }, cancellationToken, coolOff: true);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { false, true, false }), "invocation 1 only waits; s1 runs in 2");
            Assert.That(WrittenIn(result, "in s1"), Is.EqualTo(new[] { 2 }));
            Assert.That(WrittenIn(result, "B"), Is.EqualTo(new[] { 3 }));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACrashPointThatNeverFiresFailsTheRunNamingTheOperationsCheckpointed(CancellationToken cancellationToken)
    {
        var run = RunAsync(new LocalRunnerOptions { CrashAt = { CrashPoint.Before("s3") } }, cancellationToken);

        var problem = Assert.ThrowsAsync<InvalidOperationException>(async () => await run);
        Assert.That(problem!.Message, Does.Contain("before the checkpoint of 's3'").And.Contain("'s1'").And.Contain("'s2'"));
    }

    [Test]
    public void ACrashPointWithoutAnOperationIsRefusedWithWhatToSet()
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CrashAt = { new CrashPoint { Action = OperationAction.Start } } });

        var problem = Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync<string, string>("x", (_, _) => Task.FromResult("y")));
        Assert.That(problem!.Message, Does.Contain("OperationName or OperationId"));
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TheCountedCrashStillWorksBesideAnAimedOne(CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            new LocalRunnerOptions { CrashAfterCheckpoints = { [1] = 0 }, CrashAt = { CrashPoint.After("s2", OperationAction.Succeed) } }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { true, true, false }));
            Assert.That(WrittenIn(result, "in s2"), Is.EqualTo(new[] { 2 }), "s2's success was applied before invocation 2 died");
            Assert.That(WrittenIn(result, "C"), Is.EqualTo(new[] { 3 }));
        });
    }

    /// <summary>The invocations (numbers) that wrote a line with <paramref name="message"/>, in order.</summary>
    private static List<int?> WrittenIn(LocalRunResult<string> result, string message) =>
        result.RecordsWithMessage(message).Select(record => result.InvocationNumberOf(record.GetProperty("requestId").GetString())).ToList();

    /// <summary>Runs <c>log A; step s1 { log "in s1" }; log B; step s2 { log "in s2" }; log C</c>, after a one-minute wait when <paramref name="coolOff"/>.</summary>
    private static async Task<LocalRunResult<string>> RunAsync(LocalRunnerOptions options, CancellationToken cancellationToken, bool coolOff = false)
    {
        using var runner = new LocalDurableRunner(options);
        var logger = runner.LoggerFactory.CreateLogger("Workflow");
        return await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                if (coolOff)
                {
                    await context.WaitAsync(TimeSpan.FromMinutes(1), "cool-off", cancellationToken);
                }

                logger.LogInformation("A");
                await context.StepAsync(_ => Step(logger, "in s1"), "s1", cancellationToken: cancellationToken);
                logger.LogInformation("B");
                await context.StepAsync(_ => Step(logger, "in s2"), "s2", cancellationToken: cancellationToken);
                logger.LogInformation("C");
                return "done";
            },
            cancellationToken);
    }

    private static Task<int> Step(ILogger logger, string message)
    {
        logger.LogInformation("{Message}", message);
        return Task.FromResult(1);
    }
}
