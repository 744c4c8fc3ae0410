using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class StartupScenarioTests
{
    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario15_LinesFromCodeOutsideTheHandlerAreNotGatedAndWrittenOnce(CancellationToken cancellationToken)
    {
        ILogger? outside = null;
        var run = 0;
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            // Runs between two invocations of an execution, outside any of them.
            AnswerCallback = pending =>
            {
                outside?.LogInformation("answering in run {Run}", run);
                return CallbackAnswer.Succeed("\"yes\"");
            },
        });
        outside = runner.LoggerFactory.CreateLogger("Startup");
        var workflow = runner.LoggerFactory.CreateLogger("Workflow");

        outside.LogInformation("before the first run");
        run = 1;
        var first = await runner.RunToEndAsync("input", Workflow(workflow), cancellationToken);
        outside.LogInformation("between runs");
        run = 2;
        var second = await runner.RunToEndAsync("input", Workflow(workflow), cancellationToken);
        outside.LogInformation("after the runs");

        var records = runner.Sink.JsonRecords();
        var startup = records.Where(record => record.Text("category") == "Startup").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(
                startup.Select(record => record.Text("message")),
                Is.EqualTo(new[] { "before the first run", "answering in run 1", "between runs", "answering in run 2", "after the runs" }));
            foreach (var record in startup)
            {
                Assert.That(record.Has("executionArn"), Is.False, record.Text("message"));
                Assert.That(record.Has("requestId"), Is.False, record.Text("message"));
                Assert.That(record.Has("replay"), Is.False, record.Text("message"));
            }

            // The handler's own lines, in the same process, are still gated: once per run.
            Assert.That(records.Count(record => record.Text("message") == "waiting"), Is.EqualTo(2));
            Assert.That(first.RecordsWithMessage("waiting").RequestIds(), Is.EqualTo(new[] { first.RequestIdOf(1) }));
            Assert.That(second.RecordsWithMessage("approved").RequestIds(), Is.EqualTo(new[] { second.RequestIdOf(2) }));
        });
    }

    private static Func<string?, IDurableContext, Task<string>> Workflow(ILogger logger) => async (input, context) =>
    {
        var callback = await context.CreateCallbackAsync<string>("approval");
        logger.LogInformation("waiting");
        var answer = await callback.GetResultAsync();
        logger.LogInformation("approved");
        return answer;
    };
}
