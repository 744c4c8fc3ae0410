using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class RetryScenarioTests
{
    private static readonly StepConfig s_retryOnce = new()
    {
        RetryStrategy = RetryStrategy.Exponential(maxAttempts: 2, initialDelay: TimeSpan.FromSeconds(1), jitter: JitterStrategy.None),
    };

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario2_ARetriedStepWritesItsBodyOncePerAttemptAndTheLinesAroundItOnce(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");
        var bodyRuns = 0;

        var result = await runner.RunToEndAsync<string, int>("input", async (input, context) =>
        {
            logger.LogInformation("before");
            var value = await context.StepAsync(step =>
            {
                logger.LogInformation("inside");
                return ++bodyRuns == 1 ? throw new InvalidOperationException("first attempt fails") : Task.FromResult(42);
            }, "s1", s_retryOnce);
            logger.LogInformation("after");
            return value;
        }, cancellationToken);

        var inside = result.RecordsWithMessage("inside");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(42));
            Assert.That(result.Invocations, Has.Count.EqualTo(2), "the retry delay suspends the execution once");
            Assert.That(result.RecordsWithMessage("before"), Has.Count.EqualTo(1));
            Assert.That(result.RecordsWithMessage("after"), Has.Count.EqualTo(1));

            // Each attempt really ran, so each attempt's line is new, and says which attempt it was.
            Assert.That(inside.Select(record => record.Number("attempt")), Is.EqualTo(new int?[] { 1, 2 }));
            Assert.That(inside.RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1), result.RequestIdOf(2) }));
            Assert.That(inside.Select(record => record.Text("operationName")), Is.All.EqualTo("s1"));
            Assert.That(inside.Select(record => record.Text("operationId")), Is.All.EqualTo(result.OperationsNamed("s1").Single().Id));
            Assert.That(result.RecordsWithMessage("after").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("before").Single().Has("attempt"), Is.False, "workflow lines are outside any operation body");
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario2_AStepRetriedInOneBranchWritesEachAttemptOnceWhileItsSiblingWaits([Values(1, 5)] int siblingWaitSeconds, CancellationToken cancellationToken)
    {
        var retryTwice = new StepConfig
        {
            RetryStrategy = RetryStrategy.Exponential(maxAttempts: 3, initialDelay: TimeSpan.FromSeconds(2), jitter: JitterStrategy.None),
        };
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");
        var bodyRuns = 0;

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            var branches = new Func<IDurableContext, Task<int>>[]
            {
                async branch =>
                {
                    logger.LogInformation("flaky before");
                    var value = await branch.StepAsync(step =>
                    {
                        logger.LogInformation("flaky inside");
                        return ++bodyRuns < 3 ? throw new InvalidOperationException("not yet") : Task.FromResult(1);
                    }, "flaky", retryTwice);
                    logger.LogInformation("flaky after");
                    return value;
                },
                async branch =>
                {
                    logger.LogInformation("sibling 1");
                    await branch.WaitAsync(TimeSpan.FromSeconds(siblingWaitSeconds));
                    logger.LogInformation("sibling 2");
                    await branch.WaitAsync(TimeSpan.FromSeconds(siblingWaitSeconds));
                    logger.LogInformation("sibling 3");
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
            Assert.That(result.RecordsWithMessage("flaky inside").Select(record => record.Number("attempt")), Is.EqualTo(new int?[] { 1, 2, 3 }));
            Assert.That(result.RecordsWithMessage("flaky inside").RequestIds(), Is.Unique, "each attempt ran in its own invocation");
            foreach (var line in new[] { "flaky before", "flaky after", "sibling 1", "sibling 2", "sibling 3", "after parallel" })
            {
                Assert.That(result.RecordsWithMessage(line), Has.Count.EqualTo(1), line);
            }
        });
    }
}
