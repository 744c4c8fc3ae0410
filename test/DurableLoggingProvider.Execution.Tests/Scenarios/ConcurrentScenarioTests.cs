using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class ConcurrentScenarioTests
{
    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario3_ParallelBranchesDoNotUnmuteEachOther(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            logger.LogInformation("before parallel");
            var branches = new Func<IDurableContext, Task<string>>[]
            {
                async branch =>
                {
                    logger.LogInformation("short start");
                    await branch.WaitAsync(TimeSpan.FromSeconds(1));
                    logger.LogInformation("short end");
                    return "short";
                },
                async branch =>
                {
                    logger.LogInformation("long start");
                    await branch.WaitAsync(TimeSpan.FromSeconds(3));
                    logger.LogInformation("long end");
                    return "long";
                },
            };
            var results = await context.ParallelAsync(branches, "fan-out");
            logger.LogInformation("after parallel");
            return string.Join(",", results.GetResults());
        }, cancellationToken);

        var parallelId = result.OperationsNamed("fan-out").Single().Id;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("short,long"));
            Assert.That(result.Invocations, Has.Count.EqualTo(3), "one invocation per wait, plus the first");
            Assert.That(
                result.MessageCounts(),
                Is.EquivalentTo(new Dictionary<string, int>
                {
                    ["before parallel"] = 1, ["short start"] = 1, ["short end"] = 1, ["long start"] = 1, ["long end"] = 1, ["after parallel"] = 1,
                }));

            // The short branch going live in invocation 2 must not let the long branch's replayed line through.
            Assert.That(result.RecordsWithMessage("short end").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("long end").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(3) }));
            Assert.That(result.RecordsWithMessage("after parallel").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(3) }));

            // Each branch is its own context: its lines carry its own operation id as parentId.
            foreach (var (prefix, position) in new[] { ("short", 1), ("long", 2) })
            {
                var branchId = OperationIds.Create(parallelId, position);
                Assert.That(result.RecordsWithMessage($"{prefix} start").Single().Text("parentId"), Is.EqualTo(branchId), prefix);
                Assert.That(result.RecordsWithMessage($"{prefix} end").Single().Text("parentId"), Is.EqualTo(branchId), prefix);
            }

            Assert.That(result.RecordsWithMessage("after parallel").Single().Has("parentId"), Is.False);
            Assert.That(result.Records.Select(record => record.Text("executionArn")), Is.All.EqualTo(ScenarioRecords.ExecutionArn));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario4_EveryMapItemWritesEachLineOnceInItsOwnContext(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");
        var items = new[] { "a", "b", "c", "d", "e" };

        var result = await runner.RunToEndAsync<string, int>("input", async (input, context) =>
        {
            var map = await context.MapAsync(items, async (item, value, index) =>
            {
                logger.LogInformation("item {Item} start", value);
                var length = await item.StepAsync(step =>
                {
                    logger.LogInformation("item {Item} working", value);
                    return Task.FromResult(value.Length);
                }, "work");

                // Different lengths: items finish in different invocations while their siblings still replay.
                await item.WaitAsync(TimeSpan.FromSeconds(index + 1));
                logger.LogInformation("item {Item} end", value);
                return length;
            }, "items");
            logger.LogInformation("after map");
            return map.GetResults().Sum();
        }, cancellationToken);

        var mapId = result.OperationsNamed("items").Single().Id;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(5));
            Assert.That(result.Invocations, Has.Count.EqualTo(items.Length + 1));
            Assert.That(result.RecordsWithMessage("after map"), Has.Count.EqualTo(1));

            var parentIds = new HashSet<string?>();
            for (var index = 0; index < items.Length; index++)
            {
                var itemId = OperationIds.Create(mapId, index + 1);
                parentIds.Add(itemId);
                foreach (var line in new[] { "start", "working", "end" })
                {
                    var records = result.RecordsWithMessage($"item {items[index]} {line}");
                    Assert.That(records, Has.Count.EqualTo(1), $"item {index} {line}");
                    Assert.That(records.Select(record => record.Text("parentId")), Is.All.EqualTo(itemId), $"item {index} {line}");
                }

                var working = result.RecordsWithMessage($"item {items[index]} working").Single();
                Assert.That(working.Text("operationName"), Is.EqualTo("work"));
                Assert.That(working.Number("attempt"), Is.EqualTo(1));
                Assert.That(working.Text("operationId"), Is.EqualTo(OperationIds.Create(itemId, 1)));

                // Item i waits i + 1 seconds, so invocation i + 2 is where it finishes.
                Assert.That(result.RecordsWithMessage($"item {items[index]} end").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(index + 2) }));
            }

            Assert.That(parentIds, Has.Count.EqualTo(items.Length), "every item has its own context");
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario4_MapItemsQueuedBehindABlockedItemStartLiveInALaterInvocation(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Workflow");
        var items = new[] { 1, 2, 3, 4, 5 };

        var result = await runner.RunToEndAsync<string, int>("input", async (input, context) =>
        {
            var map = await context.MapAsync(items, async (item, value, index) =>
            {
                logger.LogInformation("item {Item} start", value);
                await item.StepAsync(_ => Task.FromResult(value), "work");
                await item.WaitAsync(TimeSpan.FromSeconds(value));
                logger.LogInformation("item {Item} end", value);
                return value;
            }, "items", new MapConfig { MaxConcurrency = 2 });
            logger.LogInformation("after map");
            return map.GetResults().Sum();
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(15));
            Assert.That(result.MessageCounts().Values, Is.All.EqualTo(1));
            Assert.That(result.Records, Has.Count.EqualTo((2 * items.Length) + 1));

            // Two items run at a time: item 3 starts when item 1 finishes, in a replaying invocation, yet live.
            Assert.That(result.RecordsWithMessage("item 3 start").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("item 5 start").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(4) }));
            Assert.That(result.RecordsWithMessage("after map").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(6) }));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8_ABranchWaitingOnACallbackStaysMutedWhileItsSiblingResumesThreeTimes(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            // The sibling's three waits re-invoke the execution three times; only then does the answer come.
            AnswerCallback = pending => pending.InvocationNumber >= 4 ? CallbackAnswer.Succeed("\"yes\"") : null,
        });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            var branches = new Func<IDurableContext, Task<string>>[]
            {
                async branch =>
                {
                    var callback = await branch.CreateCallbackAsync<string>("approval");
                    await branch.StepAsync(step =>
                    {
                        step.Logger.LogInformation("notify {CallbackId}", callback.CallbackId);
                        return Task.CompletedTask;
                    }, "notify");
                    logger.LogInformation("waiting");
                    var answer = await callback.GetResultAsync();
                    logger.LogInformation("approved");
                    return answer;
                },
                async branch =>
                {
                    for (var tick = 0; tick < 3; tick++)
                    {
                        logger.LogInformation("tick {Tick}", tick);
                        await branch.WaitAsync(TimeSpan.FromSeconds(1));
                    }

                    logger.LogInformation("tick {Tick}", 3);
                    return "ticked";
                },
            };
            var results = await context.ParallelAsync(branches, "approval-and-ticks");
            logger.LogInformation("after parallel");
            return string.Join(",", results.GetResults());
        }, cancellationToken);

        var parallelId = result.OperationsNamed("approval-and-ticks").Single().Id;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("yes,ticked"));
            Assert.That(result.Invocations, Has.Count.EqualTo(5), "three resumes for the ticks, one for the answer");
            Assert.That(result.RecordsWithMessage("notify callback-1"), Has.Count.EqualTo(1));
            Assert.That(result.RecordsWithMessage("waiting").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("approved").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(5) }));
            Assert.That(result.RecordsWithMessage("after parallel").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(5) }));
            for (var tick = 0; tick <= 3; tick++)
            {
                Assert.That(result.RecordsWithMessage($"tick {tick}").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(tick + 1) }), $"tick {tick}");
                Assert.That(result.RecordsWithMessage($"tick {tick}").Single().Text("parentId"), Is.EqualTo(OperationIds.Create(parallelId, 2)));
            }

            var approvalBranch = OperationIds.Create(parallelId, 1);
            Assert.That(result.RecordsWithMessage("waiting").Single().Text("parentId"), Is.EqualTo(approvalBranch));
            Assert.That(result.RecordsWithMessage("approved").Single().Text("parentId"), Is.EqualTo(approvalBranch));
            Assert.That(result.RecordsWithMessage("notify callback-1").Single().Text("operationName"), Is.EqualTo("notify"));
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario8b_ABranchWhoseCallbackIsAnsweredDuringTheFirstSuspensionWritesWaitingAndApprovedOnce(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = _ => CallbackAnswer.Succeed("\"yes\"") });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");

        var result = await runner.RunToEndAsync<string, string>("input", async (input, context) =>
        {
            var branches = new Func<IDurableContext, Task<string>>[]
            {
                async branch =>
                {
                    var callback = await branch.CreateCallbackAsync<string>("approval");
                    await branch.StepAsync(_ => Task.CompletedTask, "notify");
                    logger.LogInformation("waiting");
                    var answer = await callback.GetResultAsync();
                    logger.LogInformation("approved");
                    return answer;
                },
            };
            var results = await context.ParallelAsync(branches, "approval-only");
            logger.LogInformation("after parallel");
            return results.GetResults().Single()!;
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("yes"));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.RecordsWithMessage("waiting").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(1) }));
            Assert.That(result.RecordsWithMessage("approved").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
            Assert.That(result.RecordsWithMessage("after parallel").RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(2) }));
        });
    }
}
