using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Context;

/// <summary>
/// <c>context.Logger</c> writes through the durable provider, gated by the replay gate, with the durable
/// fields (replay-gate.md, "The gate itself" and "Field names").
/// </summary>
[TestFixture]
public class ContextLoggerTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task TheContextLoggerWritesEachLineOnceWithTheDurableFields(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = LoggingWorkflow.Arn });

        var result = await runner.RunAsync<string, string>("input", LoggingWorkflow.Create(setLogger: null, enabled: null), cancellationToken).WaitAsync(cancellationToken);

        var first = result.Invocations[0].RequestId;
        var second = result.Invocations[1].RequestId;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            AssertDurableFields(result, "received", new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = first });
            AssertDurableFields(result, "charging", new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = first, ["operationId"] = LoggingWorkflow.StepId, ["operationName"] = "charge", ["attempt"] = 1 });
            AssertDurableFields(result, "in child", new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = second, ["parentId"] = LoggingWorkflow.ChildId });
            AssertDurableFields(
                result,
                "in inner step",
                new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = second, ["parentId"] = LoggingWorkflow.ChildId, ["operationId"] = LoggingWorkflow.InnerStepId, ["operationName"] = "inner", ["attempt"] = 1 });
            AssertDurableFields(result, "shipped", new() { ["executionArn"] = LoggingWorkflow.Arn, ["requestId"] = second });
            Assert.That(result.RecordsWithMessage("shipped").Single().GetProperty("level").GetString(), Is.EqualTo("WARN"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task TheContextLoggerIsDisabledWhileItsContextReplays(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = LoggingWorkflow.Arn });
        var enabled = new List<(string Where, bool Enabled)>();

        await runner.RunAsync<string, string>("input", LoggingWorkflow.Create(setLogger: null, enabled), cancellationToken).WaitAsync(cancellationToken);

        Assert.That(enabled, Is.EqualTo(new[] { ("start", true), ("start", false), ("after the wait", true) }));
    }

    private static void AssertDurableFields(LocalRunResult<string> result, string message, Dictionary<string, object> expected)
    {
        var records = result.RecordsWithMessage(message);
        Assert.That(records, Has.Count.EqualTo(1), $"'{message}' is written once");
        if (records.Count != 1)
        {
            return;
        }

        var record = records[0];
        foreach (var name in new[] { "executionArn", "requestId", "parentId", "operationId", "operationName", "attempt" })
        {
            if (expected.TryGetValue(name, out var value))
            {
                Assert.That(record.TryGetProperty(name, out var field) ? Value(field) : null, Is.EqualTo(value), $"{name} of '{message}'");
            }
            else
            {
                Assert.That(record.TryGetProperty(name, out _), Is.False, $"'{message}' carries no {name}");
            }
        }
    }

    private static object? Value(JsonElement field) => field.ValueKind switch
    {
        JsonValueKind.Number => field.GetInt32(),
        JsonValueKind.String => field.GetString(),
        _ => field.ToString(),
    };
}
