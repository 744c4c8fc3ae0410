using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class ConditionScenarioTests
{
    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario9_EachPollOfAConditionWritesItsLinesOnceAndTheLinesAfterItOnce(CancellationToken cancellationToken)
    {
        // Four polls find the condition false; the fifth finds it true.
        const int PollsBeforeItHolds = 4;
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, int>("input", async (input, context) =>
        {
            logger.LogInformation("before");
            var polls = await context.WaitForConditionAsync<int>(
                (previous, check, token) =>
                {
                    check.Logger.LogInformation("poll");
                    return Task.FromResult(previous + 1);
                },
                new WaitForConditionConfig<int>
                {
                    InitialState = 0,
                    WaitStrategy = WaitStrategy.Fixed<int>(TimeSpan.FromSeconds(2), count => count > PollsBeforeItHolds),
                },
                "until-ready");
            logger.LogInformation("after");
            return polls;
        }, cancellationToken);

        var polls = result.RecordsWithMessage("poll");
        var expectedRequestIds = Enumerable.Range(1, PollsBeforeItHolds + 1).Select(result.RequestIdOf).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(PollsBeforeItHolds + 1), "each check was handed the previous one's state");
            Assert.That(result.Invocations, Has.Count.EqualTo(PollsBeforeItHolds + 1), "one invocation per poll");
            Assert.That(result.RecordsWithMessage("before"), Has.Count.EqualTo(1));
            Assert.That(result.RecordsWithMessage("after").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(PollsBeforeItHolds + 1) }));

            // One line per poll, each written by the invocation that ran that poll, numbered by its check.
            Assert.That(polls.RequestIds(), Is.EqualTo(expectedRequestIds));
            Assert.That(polls.Select(record => record.Number("attempt")), Is.EqualTo(Enumerable.Range(1, PollsBeforeItHolds + 1).Select(number => (int?)number)));
            Assert.That(polls.Select(record => record.Text("operationName")), Is.All.EqualTo("until-ready"));
            Assert.That(polls.Select(record => record.Text("category")), Is.All.EqualTo("DurableWorkflow"));
        });
    }
}
