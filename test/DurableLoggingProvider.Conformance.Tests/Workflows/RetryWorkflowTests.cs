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
public class RetryWorkflowTests(ServiceClientKind client) : ConformanceFixture(client)
{
    private static readonly StepConfig s_retryOnceAfterASecond = new() { RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 2 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(1)) : RetryDecision.DoNotRetry()) };

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario2_AStepRetriedOnceWritesItsBodyTwiceEachWithItsAttemptAndTheLinesAroundItOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            logger.LogInformation("before");
            var value = await context.StepAsync(step =>
            {
                logger.LogInformation("inside");
                return step.AttemptNumber == 1 ? throw new InvalidOperationException("first attempt fails") : Task.FromResult("ok");
            }, "flaky", s_retryOnceAfterASecond);
            logger.LogInformation("after");
            return value;
        }, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["before"] = 1, ["inside"] = 2, ["after"] = 1 });
        var attempts = result.Records.Where(record => record.GetProperty("message").GetString() == "inside").Select(record => record.GetProperty("attempt").GetInt32());
        Assert.That(attempts, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AStepThatFailsForGoodIsCaughtByTheWorkflowAndItsLinesAreWrittenOnceAnAttempt(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            logger.LogInformation("before");
            try
            {
                await context.StepAsync<string>(step =>
                {
                    logger.LogInformation("attempt {Attempt}", step.AttemptNumber);
                    throw new InvalidOperationException("always fails");
                }, "doomed", s_retryOnceAfterASecond);
            }
            catch (StepException exception)
            {
                logger.LogInformation("caught {Message}", exception.Message.Contains("always fails", StringComparison.Ordinal) ? "always fails" : exception.Message);
            }

            await context.StepAsync(_ => Task.FromResult(1), "next");
            logger.LogInformation("after");
            return "recovered";
        }, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int>
        {
            ["before"] = 1, ["attempt 1"] = 1, ["attempt 2"] = 1, ["caught always fails"] = 1, ["after"] = 1,
        });
        Assert.That((string?)result.OperationsNamed("doomed").Single()["Status"], Is.EqualTo("FAILED"));
    }
}
