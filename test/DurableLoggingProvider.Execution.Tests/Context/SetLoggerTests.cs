using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Context;

/// <summary>
/// <c>context.SetLogger(other)</c>: another library's logger gets the same replay gate, and the durable
/// fields as a scope (replay-gate.md, "The gate itself" and "Field names").
/// </summary>
[TestFixture]
public class SetLoggerTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task ASetLoggerGetsEachLineOnceWithTheDurableFieldsAsAScope(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = LoggingWorkflow.Arn });
        var foreign = new FakeLogger();

        var result = await runner.RunAsync<string, string>("input", LoggingWorkflow.Create(foreign, enabled: null), cancellationToken).WaitAsync(cancellationToken);

        var first = result.Invocations[0].RequestId;
        var second = result.Invocations[1].RequestId;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(foreign.Collector.GetSnapshot().Select(entry => entry.Message), Is.EquivalentTo(new[] { "received", "charging", "in child", "in inner step", "shipped" }), "each line once");
            AssertScope(foreign, "received", LogLevel.Information, new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = first });
            AssertScope(foreign, "charging", LogLevel.Information, new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = first, ["operationId"] = LoggingWorkflow.StepId, ["operationName"] = "charge", ["attempt"] = 1 });
            AssertScope(foreign, "in child", LogLevel.Information, new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = second, ["parentId"] = LoggingWorkflow.ChildId });
            AssertScope(
                foreign,
                "in inner step",
                LogLevel.Information,
                new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = second, ["parentId"] = LoggingWorkflow.ChildId, ["operationId"] = LoggingWorkflow.InnerStepId, ["operationName"] = "inner", ["attempt"] = 1 });
            AssertScope(foreign, "shipped", LogLevel.Warning, new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = second });
            Assert.That(result.Records.Where(record => record.GetProperty("category").GetString() == "DurableWorkflow"), Is.Empty, "the set logger replaces the provider's");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ASetLoggerIsDisabledWhileItsContextReplays(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = LoggingWorkflow.Arn });
        var enabled = new List<(string Where, bool Enabled)>();

        await runner.RunAsync<string, string>("input", LoggingWorkflow.Create(new FakeLogger(), enabled), cancellationToken).WaitAsync(cancellationToken);

        Assert.That(enabled, Is.EqualTo(new[] { ("start", true), ("start", false), ("after the wait", true) }));
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ALoggerSetInAChildContextIsNotUsedByItsParent(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = LoggingWorkflow.Arn });
        var foreign = new FakeLogger();

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                await context.RunInChildContextAsync(
                    child =>
                    {
                        child.SetLogger(foreign);
                        child.Logger.LogInformation("in child");
                        return Task.CompletedTask;
                    },
                    "child");
                context.Logger.LogInformation("in parent");
                return "done";
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(foreign.Collector.GetSnapshot().Select(entry => entry.Message), Is.EqualTo(new[] { "in child" }));
            Assert.That(result.RecordsWithMessage("in parent"), Has.Count.EqualTo(1));
            Assert.That(result.RecordsWithMessage("in child"), Is.Empty);
        });
    }

    [TestCase(ReplayMode.Mark, true)]
    [TestCase(ReplayMode.Emit, false)]
    [CancelAfter(30000)]
    public async Task ASetLoggerGetsReplayedLinesTooWhenTheModeSaysSo(ReplayMode mode, bool marked, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = LoggingWorkflow.Arn, ReplayMode = mode });
        var foreign = new FakeLogger();

        await runner.RunAsync<string, string>("input", LoggingWorkflow.Create(foreign, enabled: null), cancellationToken).WaitAsync(cancellationToken);

        var received = WithMessage(foreign, "received").Select(Fields).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(2), "written in both invocations");
            Assert.That(received.Select(fields => fields.ContainsKey("replay")), Is.EqualTo(new[] { false, marked }));
            if (marked)
            {
                Assert.That(received[1]["replay"], Is.EqualTo(true));
            }
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ASetLoggerFromTheDurableProvidersOwnFactoryWritesEachFieldOnce(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = LoggingWorkflow.Arn, ReplayMode = ReplayMode.Mark });

        await runner.RunAsync<string, string>("input", LoggingWorkflow.Create(runner.LoggerFactory.CreateLogger("Audit"), enabled: null), cancellationToken).WaitAsync(cancellationToken);

        var lines = runner.Sink.JsonRecords().Where(record => record.GetProperty("category").GetString() == "Audit").ToList();
        var replayed = lines.Where(record => record.GetProperty("message").GetString() == "received").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Is.Not.Empty);
            foreach (var line in lines)
            {
                var names = line.EnumerateObject().Select(property => property.Name).ToList();
                Assert.That(names.Where(name => name.StartsWith("requestId", StringComparison.Ordinal)).ToList(), Is.EqualTo(new[] { "requestId" }), line.ToString());
                Assert.That(names.Where(name => name.StartsWith("executionArn", StringComparison.Ordinal)).ToList(), Is.EqualTo(new[] { "executionArn" }), line.ToString());
                Assert.That(names.Count(name => name.StartsWith("replay", StringComparison.Ordinal)), Is.LessThanOrEqualTo(1), line.ToString());
            }

            Assert.That(replayed, Has.Count.EqualTo(2));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ASetLoggerGetsEveryRetriedAttemptWithItsOwnAttemptNumber(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = LoggingWorkflow.Arn });
        var foreign = new FakeLogger();
        var retry = new StepConfig { RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 2 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(2)) : RetryDecision.DoNotRetry()) };

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                context.SetLogger(foreign);
                context.Logger.LogInformation("before");
                await context.StepAsync(
                    step =>
                    {
                        step.Logger.LogInformation("inside");
                        return step.AttemptNumber == 1 ? throw new InvalidOperationException("not yet") : Task.FromResult(1);
                    },
                    "flaky",
                    retry);
                context.Logger.LogInformation("after");
                return "done";
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(WithMessage(foreign, "before"), Has.Count.EqualTo(1));
            Assert.That(WithMessage(foreign, "inside").Select(entry => Fields(entry)["attempt"]), Is.EqualTo(new object[] { 1, 2 }));
            Assert.That(WithMessage(foreign, "after"), Has.Count.EqualTo(1));
        });
    }

    private static void AssertScope(FakeLogger logger, string message, LogLevel level, Dictionary<string, object?> expected)
    {
        var entries = WithMessage(logger, message);
        Assert.That(entries, Has.Count.EqualTo(1), $"'{message}' is passed on once");
        if (entries.Count != 1)
        {
            return;
        }

        Assert.That(entries[0].Level, Is.EqualTo(level), $"level of '{message}'");
        Assert.That(KeyValueScopes(entries[0]).ToList(), Has.Count.EqualTo(1), $"'{message}' comes with one scope");
        Assert.That(Fields(entries[0]), Is.EquivalentTo(expected), $"the scope of '{message}'");
    }

    private static List<FakeLogRecord> WithMessage(FakeLogger logger, string message) =>
        logger.Collector.GetSnapshot().Where(entry => entry.Message == message).ToList();

    private static IEnumerable<IEnumerable<KeyValuePair<string, object?>>> KeyValueScopes(FakeLogRecord entry) =>
        entry.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>();

    private static Dictionary<string, object?> Fields(FakeLogRecord entry)
    {
        var fields = new Dictionary<string, object?>();
        foreach (var scope in KeyValueScopes(entry))
        {
            foreach (var (key, value) in scope)
            {
                fields[key] = value;
            }
        }

        return fields;
    }
}
