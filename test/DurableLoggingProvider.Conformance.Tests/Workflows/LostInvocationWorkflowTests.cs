using System;
using System.Collections.Generic;
using System.Linq;
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

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AStepFoundStartedAfterALostInvocationRunsAgainWithoutANewStart(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { Loss = new InvocationLoss("s1") };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            logger.LogInformation("before");
            var value = await context.StepAsync(_ =>
            {
                logger.LogInformation("inside");
                return Task.FromResult("ok");
            }, "s1");
            logger.LogInformation("after");
            return value;
        }, options, cancellationToken);

        var inside = result.LineCounts().GetValueOrDefault("inside");
        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["before"] = 1, ["inside"] = inside, ["after"] = 1 });
        Assert.That(result.Invocations.Select(invocation => invocation.Status).ToList(), Is.EqualTo(new[] { "LOST", "SUCCEEDED" }), result.ToString);
        // Lines between the START and the loss: at least once, possibly twice (replay-gate.md scenario 13).
        Assert.That(inside, Is.InRange(1, 2), result.ToString);
        Assert.That(StartsOf(result, "s1"), Is.EqualTo(1), "one START of s1 in all");
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

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AWaitForConditionCheckFoundStartedAfterALostInvocationRunsAgainWithoutANewStart(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { Loss = new InvocationLoss("until-ready") };

        var result = await RunAsync<string, int>("input", ConditionWorkflowTests.PollUntilReady, options, cancellationToken);

        // The first check's START was the lost invocation's last word: the retry runs that check again, then the rest.
        var firstPoll = result.LineCounts().GetValueOrDefault("poll 1");
        ConformanceAssert.Conforms(result, "SUCCEEDED", ConditionWorkflowTests.Polls + 1, new Dictionary<string, int>
        {
            ["before"] = 1, ["poll 1"] = firstPoll, ["poll 2"] = 1, ["poll 3"] = 1, ["poll 4"] = 1, ["after"] = 1,
        });
        Assert.That(result.Invocations[0].Status, Is.EqualTo("LOST"), result.ToString);
        Assert.That(firstPoll, Is.InRange(1, 2), result.ToString);
    }

    private static int StartsOf(ConformanceResult result, string name) =>
        result.CheckpointCalls.Where(call => call.Refusal is null).SelectMany(call => call.Updates).Count(update => update.Name == name && update.Action == OperationAction.Start);
}
