using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using DurableLoggingProvider.Conformance.Tests.Proxy;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

/// <summary>
/// An invocation given up right after AWS accepted an operation's START (a crash, a timeout): the next
/// one, a Lambda retry with the state AWS holds, finds the operation STARTED. durable-wire-format.md
/// section 6: at-least-once, run the body again without a new START (AWS refuses START of a STARTED step);
/// at-most-once, count the attempt as failed.
/// </summary>
[TestFixture(ServiceClientKind.Direct)]
[TestFixture(ServiceClientKind.Lambda)]
public class LostInvocationWorkflowTests(ServiceClientKind client) : ConformanceFixture(client)
{
    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario13_AnInvocationLostAfterAStepsSucceedLosesNoLine(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { Loss = new InvocationLoss("s1", OperationAction.Succeed) };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            logger.LogInformation("before");
            await context.StepAsync(_ => Task.FromResult(1), "s1");
            logger.LogInformation("between");
            await context.StepAsync(_ => Task.FromResult(2), "s2");
            logger.LogInformation("after");
            return "done";
        }, options, cancellationToken);

        // Lines between the lost checkpoint and the next: at least once, possibly twice (replay-gate.md scenario 13).
        var between = result.LineCounts().GetValueOrDefault("between");
        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["before"] = 1, ["between"] = between, ["after"] = 1 });
        Assert.That(between, Is.InRange(1, 2), result.ToString);
        Assert.That(result.Invocations[0].Status, Is.EqualTo("LOST"), result.ToString);
    }

    /// <summary>
    /// An at-least-once step's START goes with its outcome, so it is left STARTED only when it rides on another
    /// operation's call: branch <c>fast</c>'s step ends while <c>slow</c>'s body still runs, and its call carries
    /// <c>slow</c>'s queued START. The invocation is lost right after that call; <c>slow</c>'s body, waiting for
    /// something that never comes while the invocation lives, ends with it.
    /// </summary>
    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AStepFoundStartedAfterALostInvocationRunsAgainWithoutANewStart(CancellationToken cancellationToken)
    {
        var lostInvocationEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowRuns = 0;
        var options = new ConformanceRunOptions { Loss = new InvocationLoss("slow") { Ended = () => lostInvocationEnded.TrySetCanceled() } };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            logger.LogInformation("before");
            var results = await context.ParallelAsync(
                [
                    branch => branch.StepAsync(async _ =>
                    {
                        logger.LogInformation("slow inside");
                        if (Interlocked.Increment(ref slowRuns) == 1)
                        {
                            slowRunning.SetResult();
                            await lostInvocationEnded.Task;
                        }

                        return "slow";
                    }, "slow"),
                    branch => branch.StepAsync(async _ =>
                    {
                        // Once slow's body runs, its START is queued: this step's call carries it.
                        await slowRunning.Task;
                        return "fast";
                    }, "fast"),
                ], "both");
            logger.LogInformation("after");
            return string.Join(",", results.GetResults());
        }, options, cancellationToken);

        var inside = result.LineCounts().GetValueOrDefault("slow inside");
        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["before"] = 1, ["slow inside"] = inside, ["after"] = 1 });
        Assert.That(result.Invocations.Select(invocation => invocation.Status).ToList(), Is.EqualTo(new[] { "LOST", "SUCCEEDED" }), result.ToString);
        Assert.That(StatusInRetry(result, "slow"), Is.EqualTo(OperationStatus.Started), "slow as the next invocation found it");
        // Lines between the START and the loss: at least once, possibly twice (replay-gate.md scenario 13).
        Assert.That(inside, Is.InRange(1, 2), result.ToString);
        Assert.That(StartsOf(result, "slow"), Is.EqualTo(new[] { 1, 0 }), "STARTs of slow accepted per invocation: the retry runs it again under the one it has");
        Assert.That(slowRuns, Is.EqualTo(2), "slow's body ran in the lost invocation and again in the retry");
        Assert.That(JsonSerializer.Deserialize<string>(result.Result!), Is.EqualTo("slow,fast"));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AnAtMostOnceStepFoundStartedAfterALostInvocationCountsAsAFailedAttemptAndIsRetried(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { Loss = new InvocationLoss("charge") };
        var config = new StepConfig
        {
            Semantics = StepSemantics.AtMostOncePerRetry,
            RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 2 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(1)) : RetryDecision.DoNotRetry()),
        };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            var value = await context.StepAsync(step =>
            {
                logger.LogInformation("charging, attempt {Attempt}", step.AttemptNumber);
                return Task.FromResult("charged");
            }, "charge", config);
            logger.LogInformation("after");
            return value;
        }, options, cancellationToken);

        // The lost attempt is not run again: the retry strategy sees it failed and checkpoints RETRY (an
        // invocation that ends PENDING), and attempt 2 runs once the delay is over. The lost invocation
        // stopped at the START, before the body: attempt 1 wrote nothing.
        ConformanceAssert.Conforms(result, "SUCCEEDED", 3, new Dictionary<string, int> { ["charging, attempt 2"] = 1, ["after"] = 1 });
    }

    /// <summary>
    /// A condition check's START, as a step's, goes with its outcome; so the check is left STARTED the same way, on
    /// the call of a sibling branch's step. The retry runs check 1 again under that START (and checkpoints its
    /// retry), then check 2, with a new START, holds.
    /// </summary>
    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AWaitForConditionCheckFoundStartedAfterALostInvocationRunsAgainWithoutANewStart(CancellationToken cancellationToken)
    {
        var lostInvocationEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var checkRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var checks = 0;
        var options = new ConformanceRunOptions { Loss = new InvocationLoss("until-ready") { Ended = () => lostInvocationEnded.TrySetCanceled() } };
        var config = new WaitForConditionConfig<int> { InitialState = 0, WaitStrategy = WaitStrategy.Fixed<int>(TimeSpan.FromSeconds(2), count => count >= 2) };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            logger.LogInformation("before");
            var results = await context.ParallelAsync(
                [
                    async branch => (await branch.WaitForConditionAsync<int>(async (previous, check, token) =>
                    {
                        logger.LogInformation("poll {Poll}", previous + 1);
                        if (Interlocked.Increment(ref checks) == 1)
                        {
                            checkRunning.SetResult();
                            await lostInvocationEnded.Task;
                        }

                        return previous + 1;
                    }, config, "until-ready")).ToString(CultureInfo.InvariantCulture),
                    branch => branch.StepAsync(async _ =>
                    {
                        // Once check 1 runs, its START is queued: this step's call carries it.
                        await checkRunning.Task;
                        return "fast";
                    }, "fast"),
                ], "both");
            logger.LogInformation("after");
            return string.Join(",", results.GetResults());
        }, options, cancellationToken);

        var firstPoll = result.LineCounts().GetValueOrDefault("poll 1");
        ConformanceAssert.Conforms(result, "SUCCEEDED", 3, new Dictionary<string, int> { ["before"] = 1, ["poll 1"] = firstPoll, ["poll 2"] = 1, ["after"] = 1 });
        Assert.That(result.Invocations.Select(invocation => invocation.Status).ToList(), Is.EqualTo(new[] { "LOST", "PENDING", "SUCCEEDED" }), result.ToString);
        Assert.That(StatusInRetry(result, "until-ready"), Is.EqualTo(OperationStatus.Started), "the condition as the next invocation found it");
        Assert.That(firstPoll, Is.InRange(1, 2), result.ToString);
        Assert.That(StartsOf(result, "until-ready"), Is.EqualTo(new[] { 1, 0, 1 }), "STARTs of the condition accepted per invocation: check 1 once, check 2 once");
        Assert.That(checks, Is.EqualTo(3), "check 1 in the lost invocation and again in the retry, then check 2");
        Assert.That(JsonSerializer.Deserialize<string>(result.Result!), Is.EqualTo("2,fast"));
    }

    /// <summary>How many STARTs of the operation named <paramref name="name"/> AWS accepted in each invocation, in order.</summary>
    private static int[] StartsOf(ConformanceResult result, string name) =>
        result.Invocations.Select(invocation => result.CheckpointCalls
            .Where(call => call.Invocation == invocation.Number && call.Refusal is null)
            .SelectMany(call => call.Updates)
            .Count(update => update.Name == name && update.Action == OperationAction.Start)).ToArray();

    /// <summary>The status of the operation named <paramref name="name"/> in the state the invocation after the lost one was given.</summary>
    private static OperationStatus? StatusInRetry(ConformanceResult result, string name) =>
        result.Invocations[1].Input?.InitialExecutionState?.Operations.SingleOrDefault(operation => operation.Name == name)?.Status;
}
