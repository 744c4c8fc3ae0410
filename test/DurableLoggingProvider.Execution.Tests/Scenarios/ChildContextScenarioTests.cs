using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class ChildContextScenarioTests
{
    /// <summary>Larger than the 256 KB a context may store, so the engine sets ReplayChildren instead.</summary>
    private const int LargeResultLength = 300_000;

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario5_LinesOfAChildContextAroundAWaitAreWrittenOnceAndCarryItsParentId(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            logger.LogInformation("before child");
            await context.RunInChildContextAsync(async child =>
            {
                child.Logger.LogInformation("child start");
                await child.WaitAsync(TimeSpan.FromSeconds(2));
                child.Logger.LogInformation("child end");
            }, "child");
            context.Logger.LogInformation("parent after child");
            return "done";
        }, cancellationToken);

        var childId = result.OperationsNamed("child").Single().Id;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.RecordsWithMessage("before child").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("child start").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("child end").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("parent after child").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));

            Assert.That(result.RecordsWithMessage("child start").Single().Text("parentId"), Is.EqualTo(childId));
            Assert.That(result.RecordsWithMessage("child end").Single().Text("parentId"), Is.EqualTo(childId));
            Assert.That(result.RecordsWithMessage("parent after child").Single().Has("parentId"), Is.False);
            Assert.That(result.RecordsWithMessage("child end").Single().Text("category"), Is.EqualTo("DurableWorkflow"), "context.Logger writes too");
            Assert.That(result.Records.Select(record => record.Text("executionArn")), Is.All.EqualTo(ScenarioRecords.ExecutionArn));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario5_NestedChildContextsEachGoLiveWhereTheirOwnCodeResumes(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            logger.LogInformation("root start");
            await context.RunInChildContextAsync(async outer =>
            {
                logger.LogInformation("outer start");
                await outer.RunInChildContextAsync(async inner =>
                {
                    logger.LogInformation("inner start");
                    await inner.WaitAsync(TimeSpan.FromSeconds(1));
                    logger.LogInformation("inner end");
                }, "inner");
                logger.LogInformation("outer after inner");
                await outer.WaitAsync(TimeSpan.FromSeconds(1));
                logger.LogInformation("outer end");
            }, "outer");
            logger.LogInformation("root end");
            return "done";
        }, cancellationToken);

        var outerId = result.OperationsNamed("outer").Single().Id;
        var innerId = OperationIds.Create(outerId, 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            foreach (var (line, invocation, parentId) in new[]
            {
                ("root start", 1, null), ("outer start", 1, outerId), ("inner start", 1, innerId),
                ("inner end", 2, innerId), ("outer after inner", 2, outerId),
                ("outer end", 3, outerId), ("root end", 3, (string?)null),
            })
            {
                var records = result.RecordsWithMessage(line);
                Assert.That(records.RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(invocation) }), line);
                Assert.That(records.Select(record => record.Text("parentId")), Is.All.EqualTo(parentId), line);
            }
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario6_AChildContextThatAlreadySucceededIsNotRunAgainAndWritesNothingAgain(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");
        var childRuns = 0;

        var result = await runner.RunToEndAsync<string, int>("input", async (input, context) =>
        {
            var value = await context.RunInChildContextAsync(async child =>
            {
                childRuns++;
                logger.LogInformation("child start");
                var inner = await child.StepAsync(_ => Task.FromResult(7), "inner");
                logger.LogInformation("child end");
                return inner;
            }, "child");
            await context.WaitAsync(TimeSpan.FromSeconds(1));
            logger.LogInformation("after wait");
            return value;
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(7));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(childRuns, Is.EqualTo(1), "a succeeded child context returns its stored result");
            Assert.That(result.RecordsWithMessage("child start"), Has.Count.EqualTo(1));
            Assert.That(result.RecordsWithMessage("child end"), Has.Count.EqualTo(1));
            Assert.That(result.RecordsWithMessage("after wait").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario7_AChildContextReplayedForItsChildrenRunsItsBodyAgainWithoutWritingAnyOfItsLines(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");
        var childRuns = 0;

        var result = await runner.RunToEndAsync<string, int>("input", async (input, context) =>
        {
            var large = await context.RunInChildContextAsync(async child =>
            {
                childRuns++;
                logger.LogInformation("child start");
                var unit = await child.StepAsync(_ => Task.FromResult("x"), "unit");
                await child.WaitAsync(TimeSpan.FromSeconds(1));
                logger.LogInformation("child after its last operation");
                return string.Concat(Enumerable.Repeat(unit, LargeResultLength));
            }, "large");

            // A second wait, so that one invocation replays the finished child for its children.
            await context.WaitAsync(TimeSpan.FromSeconds(1));
            logger.LogInformation("after child");
            return large.Length;
        }, cancellationToken);

        var child = result.OperationsNamed("large").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(LargeResultLength));
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            Assert.That(child.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(child.ContextDetails?.ReplayChildren, Is.True, "the result was too large to store");
            Assert.That(childRuns, Is.EqualTo(3), "invocation 3 re-runs the finished child's body to rebuild its result");
            Assert.That(result.RecordsWithMessage("child start").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("child after its last operation").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("child after its last operation").Single().Text("parentId"), Is.EqualTo(child.Id));
            Assert.That(result.RecordsWithMessage("after child").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(3) }));
        });
    }
}
