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
public class CallbackWorkflowTests(ServiceClientKind client) : ConformanceFixture(client)
{
    // Explicit timeouts, long enough never to fire: a callback without them has its own test below.
    internal static readonly CallbackConfig Timeouts = new() { Timeout = TimeSpan.FromMinutes(10), HeartbeatTimeout = TimeSpan.FromMinutes(10) };

    internal static async Task<string> ApprovalAfterANotifyStep(string? input, IDurableContext context, ILogger logger, CallbackConfig? config)
    {
        var callback = await context.CreateCallbackAsync<string>("approval", config);
        await context.StepAsync(_ => Task.FromResult(callback.CallbackId), "notify");
        logger.LogInformation("waiting");
        string answer;
        try
        {
            answer = await callback.GetResultAsync();
        }
        catch (CallbackFailedException)
        {
            logger.LogInformation("rejected");
            return "rejected";
        }

        logger.LogInformation("approved");
        return answer;
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario8b_ACallbackAnsweredWithSuccessDuringTheFirstSuspensionWritesWaitingAndApprovedOnce(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { Answers = [CallbackAnswer.Succeed("approval", "\"yes\"")] };

        var result = await RunAsync<string, string>("input", (input, context, logger) => ApprovalAfterANotifyStep(input, context, logger, Timeouts), options, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["waiting"] = 1, ["approved"] = 1 });
        Assert.That(result.Result, Is.EqualTo("\"yes\""));
        Assert.That(result.RequestIdsOf("approved"), Is.EqualTo(new[] { result.RequestIdOf(2) }));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task ACallbackAnsweredWithFailureReachesTheWorkflowAsCallbackFailedAndWritesEachLineOnce(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { Answers = [CallbackAnswer.Fail("approval", "no")] };

        var result = await RunAsync<string, string>("input", (input, context, logger) => ApprovalAfterANotifyStep(input, context, logger, Timeouts), options, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["waiting"] = 1, ["rejected"] = 1 });
        Assert.That(result.Result, Is.EqualTo("\"rejected\""));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario8_ACallbackAwaitedInOneBranchWhileItsSiblingWaitsThreeTimesWritesEveryLineOnce(CancellationToken cancellationToken)
    {
        // The answer comes once the sibling's three waits have each ended an invocation (and the fourth has ended too).
        var options = new ConformanceRunOptions { Answers = [CallbackAnswer.Succeed("approval", "\"yes\"", afterInvocations: 4)] };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            var branches = new Func<IDurableContext, Task<string>>[]
            {
                async branch =>
                {
                    var callback = await branch.CreateCallbackAsync<string>("approval", Timeouts);
                    await branch.StepAsync(_ => Task.FromResult(callback.CallbackId), "notify");
                    logger.LogInformation("waiting");
                    var answer = await callback.GetResultAsync();
                    logger.LogInformation("approved");
                    return answer;
                },
                async branch =>
                {
                    for (var number = 1; number <= 3; number++)
                    {
                        logger.LogInformation("sibling before wait {Number}", number);
                        await branch.WaitAsync(TimeSpan.FromSeconds(1), $"wait {number}");
                    }

                    logger.LogInformation("sibling done");
                    return "sibling";
                },
            };
            var results = await context.ParallelAsync(branches, "approval and sibling");
            logger.LogInformation("after parallel");
            return string.Join(",", results.GetResults());
        }, options, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 5, new Dictionary<string, int>
        {
            ["waiting"] = 1, ["approved"] = 1, ["sibling before wait 1"] = 1, ["sibling before wait 2"] = 1, ["sibling before wait 3"] = 1,
            ["sibling done"] = 1, ["after parallel"] = 1,
        });
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario8c_ACallbackNeverAwaitedDoesNotHoldBackTheLineAfterAWait(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            await context.CreateCallbackAsync<string>("ignored", Timeouts);
            await context.WaitAsync(TimeSpan.FromSeconds(5), "pause");
            logger.LogInformation("after");
            return "done";
        }, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["after"] = 1 });
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AWaitForCallbackAnsweredWritesItsSubmitterAndTheLinesAroundItOnce(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { Answers = [CallbackAnswer.Succeed("approval", "\"yes\"")] };
        var config = new WaitForCallbackConfig { Timeout = Timeouts.Timeout, HeartbeatTimeout = Timeouts.HeartbeatTimeout };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            logger.LogInformation("before");
            var answer = await context.WaitForCallbackAsync<string>((callbackId, submitter) =>
            {
                logger.LogInformation("submitted");
                return Task.CompletedTask;
            }, "approval", config);
            logger.LogInformation("after");
            return answer;
        }, options, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["before"] = 1, ["submitted"] = 1, ["after"] = 1 });
        Assert.That(result.Result, Is.EqualTo("\"yes\""));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task ACallbackWithoutTimeoutsIsSentWithoutTimeoutOptionsAndWaitsForItsAnswer(CancellationToken cancellationToken)
    {
        // durable-wire-format.md section 4: only the options that are set are sent; AWS's server arms a 0 s timer for a 0.
        var options = new ConformanceRunOptions { Answers = [CallbackAnswer.Succeed("approval", "\"yes\"")] };

        var result = await RunAsync<string, string>("input", (input, context, logger) => ApprovalAfterANotifyStep(input, context, logger, null), options, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["waiting"] = 1, ["approved"] = 1 });
        var sent = result.CheckpointCalls.SelectMany(call => call.Updates).Where(update => update.Type == OperationType.Callback).ToList();
        Assert.That(sent.Select(update => update.CallbackOptions?.TimeoutSeconds), Is.All.Null);
        Assert.That(sent.Select(update => update.CallbackOptions?.HeartbeatTimeoutSeconds), Is.All.Null);
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task APlainTextCallbackAnswerReachesAStringAwaitAsTheTextItIs(CancellationToken cancellationToken)
    {
        // AWS's own README answers with "result data": not JSON text.
        var options = new ConformanceRunOptions { Answers = [CallbackAnswer.Succeed("approval", "result data")] };

        var result = await RunAsync<string, string>("input", (input, context, logger) => ApprovalAfterANotifyStep(input, context, logger, Timeouts), options, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["waiting"] = 1, ["approved"] = 1 });
        Assert.That(result.Result, Is.EqualTo("\"result data\""));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario16_TheLineAfterAChildContextIsWrittenWhileACallbackIsHeld(CancellationToken cancellationToken)
    {
        // Invocation 1 stops in the child's wait, 2 at the callback's await; the answer comes after it.
        var options = new ConformanceRunOptions { Answers = [CallbackAnswer.Succeed("held", "\"yes\"", afterInvocations: 2)] };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            var callback = await context.CreateCallbackAsync<string>("held", Timeouts);
            await context.RunInChildContextAsync(child => child.WaitAsync(TimeSpan.FromSeconds(5), "pause"), "child");
            logger.LogInformation("after");
            var answer = await callback.GetResultAsync();
            logger.LogInformation("got");
            return answer;
        }, options, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 3, new Dictionary<string, int> { ["after"] = 1, ["got"] = 1 });
        Assert.That(result.RequestIdsOf("after"), Is.EqualTo(new[] { result.RequestIdOf(2) }));
    }
}
