using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

[TestFixture(ServiceClientKind.Direct)]
[TestFixture(ServiceClientKind.Lambda)]
public class ConditionWorkflowTests(ServiceClientKind client) : ConformanceFixture(client)
{
    internal const int Polls = 4;

    internal static Task<int> PollUntilReady(string? input, IDurableContext context, ILogger logger) => PollUntilReady(context, logger, TimeSpan.FromSeconds(2));

    internal static async Task<int> PollUntilReady(IDurableContext context, ILogger logger, TimeSpan delay)
    {
        logger.LogInformation("before");
        var polls = await context.WaitForConditionAsync<int>(
            (previous, check, token) =>
            {
                logger.LogInformation("poll {Poll}", previous + 1);
                return Task.FromResult(previous + 1);
            },
            new WaitForConditionConfig<int> { InitialState = 0, WaitStrategy = WaitStrategy.Fixed<int>(delay, count => count >= Polls) },
            "until-ready");
        logger.LogInformation("after");
        return polls;
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario9_AWaitForConditionPollingFourTimesWritesEachPollOnceAndTheLinesAroundItOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, int>("input", PollUntilReady, null, cancellationToken);

        // One invocation a poll: each poll that does not hold checkpoints a retry with its delay.
        ConformanceAssert.Conforms(result, "SUCCEEDED", Polls, new Dictionary<string, int>
        {
            ["before"] = 1, ["poll 1"] = 1, ["poll 2"] = 1, ["poll 3"] = 1, ["poll 4"] = 1, ["after"] = 1,
        });
        Assert.That(result.Result, Is.EqualTo("4"));
    }
}
