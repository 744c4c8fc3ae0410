using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class CallbackScenarioTests
{
    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8b_ACallbackAnsweredDuringTheFirstSuspensionWritesWaitingAndApprovedOnce(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = _ => CallbackAnswer.Succeed("\"yes\"") });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            var callback = await context.CreateCallbackAsync<string>("approval");
            await context.StepAsync(step =>
            {
                logger.LogInformation("notify");
                return Task.CompletedTask;
            }, "notify");
            logger.LogInformation("waiting");
            var answer = await callback.GetResultAsync();
            logger.LogInformation("approved");
            return answer;
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("yes"));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.RecordsWithMessage("notify").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("notify").Single().Text("operationName"), Is.EqualTo("notify"));
            Assert.That(result.RecordsWithMessage("waiting").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("approved").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8b_AWaitForCallbackAnsweredDuringTheFirstSuspensionWritesItsSubmitterAndTheLinesAroundItOnce(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = _ => CallbackAnswer.Succeed("\"yes\"") });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            logger.LogInformation("waiting");
            var answer = await context.WaitForCallbackAsync<string>((callbackId, submitter) =>
            {
                submitter.Logger.LogInformation("submitted {CallbackId}", callbackId);
                return Task.CompletedTask;
            }, "approval");
            logger.LogInformation("approved");
            return answer;
        }, cancellationToken);

        var submitted = result.RecordsWithMessage("submitted callback-1");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("yes"));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.RecordsWithMessage("waiting").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(submitted.RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(submitted.Single().Text("operationName"), Is.EqualTo("submitter"));
            Assert.That(submitted.Single().Number("attempt"), Is.EqualTo(1));
            Assert.That(submitted.Single().Text("parentId"), Is.EqualTo(result.OperationsNamed("approval").Single().Id));
            Assert.That(result.RecordsWithMessage("approved").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8b_ACallbackCreatedByTheParentAndAwaitedInAChildContextWritesWaitingAndApprovedOnce(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = _ => CallbackAnswer.Succeed("\"yes\"") });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            var callback = await context.CreateCallbackAsync<string>("approval");
            var answer = await context.RunInChildContextAsync(async child =>
            {
                await child.StepAsync(_ => Task.CompletedTask, "notify");
                logger.LogInformation("waiting");
                var approval = await callback.GetResultAsync();
                logger.LogInformation("approved");
                return approval;
            }, "child");
            logger.LogInformation("after child");
            return answer;
        }, cancellationToken);

        // The child's code stopped at the parent's callback: that await, not the step before it, is where it resumes.
        var childId = result.OperationsNamed("child").Single().Id;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("yes"));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.RecordsWithMessage("waiting").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("approved").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("approved").Single().Text("parentId"), Is.EqualTo(childId));
            Assert.That(result.RecordsWithMessage("after child").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8_CallbacksCreatedBeforeAParallelAndAwaitedInItsBranchesSuspendTheInvocationAndWriteEachLineOnce(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = _ => CallbackAnswer.Succeed("\"yes\"") });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            var first = await context.CreateCallbackAsync<string>("first");
            var second = await context.CreateCallbackAsync<string>("second");
            var branches = new[] { first, second }.Select((callback, index) => new Func<IDurableContext, Task<string>>(async branch =>
            {
                await branch.StepAsync(_ => Task.CompletedTask, "notify");
                logger.LogInformation("waiting {Branch}", index);
                var answer = await callback.GetResultAsync();
                logger.LogInformation("approved {Branch}", index);
                return answer;
            })).ToList();
            var results = await context.ParallelAsync(branches, "approvals");
            logger.LogInformation("after parallel");
            return string.Join(",", results.GetResults());
        }, cancellationToken);

        // Each branch blocks its own flow on its creator's callback, so the invocation suspends.
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("yes,yes"));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            foreach (var branch in new[] { 0, 1 })
            {
                Assert.That(result.RecordsWithMessage($"waiting {branch}").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }), $"branch {branch}");
                Assert.That(result.RecordsWithMessage($"approved {branch}").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }), $"branch {branch}");
            }

            Assert.That(result.RecordsWithMessage("after parallel").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8c_ACallbackThatIsNeverAwaitedDoesNotHoldTheLinesAfterALaterWait(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            var callback = await context.CreateCallbackAsync<string>("never-awaited");
            logger.LogInformation("created");
            await context.WaitAsync(TimeSpan.FromSeconds(5));
            logger.LogInformation("after");
            return callback.CallbackId;
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.OperationsNamed("never-awaited").Single().Status, Is.EqualTo(OperationStatus.Started), "nobody answered it");
            Assert.That(result.RecordsWithMessage("created").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("after").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }
}
