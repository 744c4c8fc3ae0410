using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class SequentialScenarioTests
{
    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario1_LinesAroundStepsAndAWaitAreEachWrittenOnceOverTwoInvocations(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            logger.LogInformation("A");
            await context.StepAsync(_ => Task.FromResult(1), "s1");
            logger.LogInformation("B");
            await context.WaitAsync(TimeSpan.FromSeconds(5));
            logger.LogInformation("C");
            await context.StepAsync(_ => Task.FromResult(2), "s2");
            logger.LogInformation("D");
            return "done";
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("done"));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            foreach (var line in new[] { "A", "B", "C", "D" })
            {
                Assert.That(result.RecordsWithMessage(line), Has.Count.EqualTo(1), $"line {line}");
            }

            // A and B were written by the invocation that did the work before the wait; C and D by the one after it.
            Assert.That(result.RecordsWithMessage("A").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("B").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("C").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("D").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            foreach (var record in result.Records.Where(record => record.Text("category") == "Workflow"))
            {
                Assert.That(record.Text("executionArn"), Is.EqualTo(ScenarioRecords.ExecutionArn));
                Assert.That(record.Has("parentId"), Is.False, "root lines have no parent");
                Assert.That(record.Has("replay"), Is.False, "Suppress mode marks nothing");
            }
        });
    }
}
