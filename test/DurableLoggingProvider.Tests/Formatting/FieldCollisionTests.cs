using System;
using System.Collections.Generic;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

// Placeholders are named like the record's own keys on purpose (CA1727), and built per test case (CA2254).
#pragma warning disable CA1727, CA2254

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// Never two keys with the same name in one object: a caller value named like one of the record's own
/// keys is kept as <c>name_1</c>; a caller value named like a durable context field replaces it
/// (the rule documented in <c>RecordFields</c> and <c>FieldNames</c>).
/// </summary>
[TestFixture]
public class FieldCollisionTests
{
    private const string CallerValue = "from-the-caller";
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    /// <summary>The record's own keys, which no caller value ever takes.</summary>
    public static readonly string[] OwnKeys =
    [
        "timestamp", "level", "requestId", "tenantId", "traceId", "replay", "category", "eventId", "eventName",
        "message", "scopes", "errorType", "errorMessage", "stackTrace", "truncated",
    ];

    /// <summary>The durable context's fields, which a caller value of the same name replaces.</summary>
    public static readonly string[] ContextKeys = ["executionArn", "parentId", "operationId", "operationName", "attempt"];

    [TestCaseSource(nameof(OwnKeys))]
    public void ATemplateValueNamedLikeAnOwnKeyIsKeptUnderADistinctKey(string key)
    {
        using var capture = LineCapture.Json();

        LogInEveryContext(capture, logger => logger.LogError(new EventId(5, "Failed"), new InvalidOperationException("boom"), $"Value {{{key}}}", CallerValue));

        var record = capture.SingleJson();
        AssertOwnKeyKept(record, key);
    }

    [TestCaseSource(nameof(OwnKeys))]
    public void AScopeValueNamedLikeAnOwnKeyIsKeptUnderADistinctKey(string key)
    {
        using var capture = LineCapture.Json();

        LogInEveryContext(capture, logger =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { [key] = CallerValue }))
            {
                logger.LogError(new EventId(5, "Failed"), new InvalidOperationException("boom"), "No placeholders");
            }
        });

        var record = capture.SingleJson();
        AssertOwnKeyKept(record, key);
    }

    [Test]
    public void AValueNamedMessageIsKeptUnderADistinctKey()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Got {message}", "forged");

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Got forged"));
            Assert.That(JsonLine.String(record, "message_1"), Is.EqualTo("forged"));
        }
    }

    [Test]
    public void ACallerCannotMarkARecordAsTruncatedOrReplayed()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Flags {truncated} {replay}", true, true);

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.TryGetProperty("truncated", out _), Is.False);
            Assert.That(record.TryGetProperty("replay", out _), Is.False);
            Assert.That(record.GetProperty("truncated_1").ValueKind, Is.EqualTo(JsonValueKind.True));
            Assert.That(record.GetProperty("replay_1").ValueKind, Is.EqualTo(JsonValueKind.True));
        }
    }

    [Test]
    public void ANameMadeDistinctNeverTakesANameTheCallerAlsoUsed()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("{message_1} {message} {message_2}", "one", "zero", "two");

        var record = capture.SingleJson();
        var callerValues = new List<string?>();
        foreach (var property in record.EnumerateObject())
        {
            if (property.Name.StartsWith("message_", StringComparison.Ordinal))
            {
                callerValues.Add(property.Value.GetString());
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("one zero two"));
            Assert.That(JsonLine.String(record, "message_1"), Is.EqualTo("one"));
            Assert.That(callerValues, Is.EquivalentTo(Expected.Sequence("one", "zero", "two")));
        }
    }

    [Test]
    public void APlaceholderUsedTwiceGivesTwoDistinctKeys()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("{Id} then {Id}", 1, 2);

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.Keys(record), Has.Exactly(1).EqualTo("Id"));
            Assert.That(record.GetProperty("Id").GetInt32(), Is.EqualTo(1));
        }
    }

    [Test]
    public void TheSameNameInATemplateTwoScopesAndAnOwnKeyNeverRepeatsAKey()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["level"] = "outer", ["Id"] = "outer" }))
        using (logger.BeginScope(new Dictionary<string, object?> { ["level"] = "inner", ["Id"] = "inner" }))
        {
            logger.LogWarning("{level} {Id} {level_1}", "template", "template", "template-1");
        }

        var line = capture.SingleLine();
        var record = JsonLine.Parse(line);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.RepeatedKeys(record), Is.Empty, line);
            Assert.That(JsonLine.String(record, "level"), Is.EqualTo("WARN"));
            Assert.That(JsonLine.String(record, "Id"), Is.EqualTo("template"));
        }
    }

    [TestCaseSource(nameof(ContextKeys))]
    public void ATemplateValueNamedLikeAContextFieldReplacesIt(string key)
    {
        using var capture = LineCapture.Json();

        LogInEveryContext(capture, logger => logger.LogInformation($"Value {{{key}}}", CallerValue));

        var record = capture.SingleJson();
        AssertContextFieldReplaced(record, key);
    }

    [TestCaseSource(nameof(ContextKeys))]
    public void AScopeValueNamedLikeAContextFieldReplacesIt(string key)
    {
        using var capture = LineCapture.Json();

        LogInEveryContext(capture, logger =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { [key] = CallerValue }))
            {
                logger.LogInformation("No placeholders");
            }
        });

        var record = capture.SingleJson();
        AssertContextFieldReplaced(record, key);
    }

    [TestCaseSource(nameof(ContextKeys))]
    public void InTextATemplateValueNamedLikeAContextFieldReplacesIt(string key)
    {
        using var capture = LineCapture.Text();

        LogInEveryContext(capture, logger => logger.LogInformation($"Value {{{key}}}", CallerValue));

        var line = capture.SingleLine();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CountOf(line, $" {key}="), Is.EqualTo(1), line);
            Assert.That(line, Does.Contain($" {key}={CallerValue} "));
        }
    }

    [TestCaseSource(nameof(ContextKeys))]
    public void InTextAScopeValueNamedLikeAContextFieldReplacesIt(string key)
    {
        using var capture = LineCapture.Text();

        LogInEveryContext(capture, logger =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { [key] = CallerValue }))
            {
                logger.LogInformation("No placeholders");
            }
        });

        var line = capture.SingleLine();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CountOf(line, $" {key}="), Is.EqualTo(1), line);
            Assert.That(line, Does.Contain($" {key}={CallerValue}"));
        }
    }

    [TestCase("category")]
    [TestCase("tenantId")]
    [TestCase("replay")]
    [TestCase("scopes")]
    public void InTextAScopeValueNamedLikeAnOwnKeyIsKeptUnderADistinctKey(string key)
    {
        using var capture = LineCapture.Text();

        LogInEveryContext(capture, logger =>
        {
            using (logger.BeginScope("plain"))
            using (logger.BeginScope(new Dictionary<string, object?> { [key] = CallerValue }))
            {
                logger.LogInformation("No placeholders");
            }
        });

        var line = capture.SingleLine();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CountOf(line, $" {key}="), Is.EqualTo(1), line);
            Assert.That(line, Does.Not.Contain($" {key}={CallerValue}"));
            Assert.That(line, Does.Contain($" {key}_1={CallerValue}"));
        }
    }

    [Test]
    public void InSnakeCaseACallerValueNamedLikeASnakeCaseContextFieldReplacesIt()
    {
        using var capture = LineCapture.Json(options => options.FieldNaming = FieldNaming.SnakeCase);

        LogInEveryContext(capture, logger => logger.LogInformation("Value {execution_arn}", CallerValue));

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "execution_arn"), Is.EqualTo(CallerValue));
            Assert.That(JsonLine.Keys(record), Does.Not.Contain("execution_arn_1"));
        }
    }

    [Test]
    public void InSnakeCaseACallerValueNamedLikeASnakeCaseOwnKeyIsKeptUnderADistinctKey()
    {
        using var capture = LineCapture.Json(options => options.FieldNaming = FieldNaming.SnakeCase);

        LogInEveryContext(capture, logger => logger.LogInformation("Value {request_id} {requestId}", CallerValue, "camel"));

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "request_id"), Is.EqualTo("req-1"));
            Assert.That(JsonLine.String(record, "request_id_1"), Is.EqualTo(CallerValue));
            Assert.That(JsonLine.String(record, "requestId"), Is.EqualTo("camel"));
        }
    }

    /// <summary>
    /// Logs inside an invocation with trace and tenant, a replaying context marked in Mark mode, an
    /// operation and a plain scope, so that every own key and every context field is on the line.
    /// </summary>
    private static void LogInEveryContext(LineCapture capture, Action<ILogger> log)
    {
        var logger = capture.Logger();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = "Root=1-abc", TenantId = "tenant-1" }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: true, parentId: "ctx-1", ReplayMode.Mark)))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge", attempt: 3)))
        using (logger.BeginScope("plain scope"))
        {
            log(logger);
        }
    }

    private static void AssertOwnKeyKept(JsonElement record, string key)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.RepeatedKeys(record), Is.Empty);
            Assert.That(JsonLine.String(record, $"{key}_1"), Is.EqualTo(CallerValue));
            if (record.TryGetProperty(key, out var own))
            {
                Assert.That(own.ToString(), Is.Not.EqualTo(CallerValue), $"'{key}' keeps the record's own value");
            }
            else
            {
                // Only the truncated flag is absent from a record that fits.
                Assert.That(key, Is.EqualTo("truncated"));
            }
        }
    }

    private static void AssertContextFieldReplaced(JsonElement record, string key)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.RepeatedKeys(record), Is.Empty);
            Assert.That(JsonLine.String(record, key), Is.EqualTo(CallerValue));
            Assert.That(JsonLine.Keys(record), Does.Not.Contain($"{key}_1"));
        }
    }

    private static int CountOf(string line, string text)
    {
        var count = 0;
        for (var at = line.IndexOf(text, StringComparison.Ordinal); at >= 0; at = line.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
