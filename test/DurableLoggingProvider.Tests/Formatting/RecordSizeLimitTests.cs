using System;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// A record larger than <see cref="DurableLoggerOptions.MaxRecordBytes"/> is cut to fit, never split or
/// dropped: exactly one line, at most the limit in bytes with its newline, still parsing, and marked
/// <c>"truncated": true</c>. A record that fits carries no such mark.
/// </summary>
[TestFixture]
public class RecordSizeLimitTests
{
    private const int Limit = DurableLoggerOptions.MinMaxRecordBytes;
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    [TestCase(1024 * 1024)]
    [TestCase(10 * 1024 * 1024)]
    public void AHugeMessageIsCutToOneMarkedLineWithinTheLimit(int length)
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);
        var message = new string('m', length);

        capture.Logger().LogInformation("{Message}", message);

        var record = SingleWithinLimit(capture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
            Assert.That(JsonLine.String(record, "level"), Is.EqualTo("INFO"));
            Assert.That(JsonLine.String(record, "timestamp"), Is.EqualTo("2026-07-22T10:11:12.345Z"));
            Assert.That(JsonLine.String(record, "message"), Does.StartWith(new string('m', 64)));
        }
    }

    [Test]
    public void TheRecordsOwnFieldsSurviveTheCut()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = "Root=1-abc" }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false, parentId: "ctx-1")))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge", attempt: 2)))
        {
            capture.Logger("Shop.Orders").LogError(new EventId(3, "Failed"), new InvalidOperationException("boom"), "{Message}", new string('m', 1024 * 1024));
        }

        var record = SingleWithinLimit(capture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "requestId"), Is.EqualTo("req-1"));
            Assert.That(JsonLine.String(record, "traceId"), Is.EqualTo("Root=1-abc"));
            Assert.That(JsonLine.String(record, "executionArn"), Is.EqualTo(ExecutionArn));
            Assert.That(JsonLine.String(record, "parentId"), Is.EqualTo("ctx-1"));
            Assert.That(JsonLine.String(record, "operationId"), Is.EqualTo("op-1"));
            Assert.That(JsonLine.String(record, "operationName"), Is.EqualTo("charge"));
            Assert.That(record.GetProperty("attempt").GetInt32(), Is.EqualTo(2));
            Assert.That(JsonLine.String(record, "category"), Is.EqualTo("Shop.Orders"));
            Assert.That(record.GetProperty("eventId").GetInt32(), Is.EqualTo(3));
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo("System.InvalidOperationException"));
            Assert.That(JsonLine.String(record, "errorMessage"), Is.EqualTo("boom"));
            Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
            Assert.That(JsonLine.Keys(record)[^1], Is.EqualTo("truncated"));
        }
    }

    [Test]
    public void ManyLargeTemplateValuesAreCutToOneMarkedLineWithinTheLimit()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);
        var names = Enumerable.Range(0, 40).Select(i => $"Value{i}").ToArray();
        var template = string.Join(" ", names.Select(name => $"{{{name}}}"));
        var values = names.Select(name => (object?)new string('v', 64 * 1024)).ToArray();

#pragma warning disable CA2254 // The template is built to hold forty placeholders.
        capture.Logger().LogInformation(template, values);
#pragma warning restore CA2254

        var record = SingleWithinLimit(capture);
        Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
    }

    [Test]
    public void ManyLargeScopeValuesAndLongKeysAreCutToOneMarkedLineWithinTheLimit()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);
        var logger = capture.Logger();
        var scope = Enumerable.Range(0, 200).ToDictionary(i => new string('k', 1000) + i, i => (object?)new string('v', 10_000));

        using (logger.BeginScope(scope))
        using (logger.BeginScope(new string('s', 100_000)))
        {
            logger.LogInformation("Scoped");
        }

        var record = SingleWithinLimit(capture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Scoped"));
            Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
        }
    }

    [Test]
    public void AHugeArrayValueIsCutToOneMarkedLineWithinTheLimit()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);

        capture.Logger().LogInformation("Ids {Ids}", Enumerable.Range(0, 100_000).ToArray());

        var record = SingleWithinLimit(capture);
        Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
    }

    [Test]
    public void AHugeStackTraceIsCutToOneMarkedLineWithinTheLimit()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);
        var failure = new HugeStackException(string.Join("\n", Enumerable.Range(0, 100_000).Select(i => $"   at Deep.Frame{i}() in /src/Deep.cs:line {i}")));

        capture.Logger().LogError(failure, "Failed");

        var record = SingleWithinLimit(capture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Failed"));
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo(typeof(HugeStackException).FullName));
            Assert.That(JsonLine.StringArray(record, "stackTrace"), Is.Not.Empty);
        }
    }

    [Test]
    public void ADeepChainOfInnerExceptionsIsCutToOneMarkedLineWithinTheLimit()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);
        Exception failure = new InvalidOperationException("root cause");
        for (var i = 0; i < 2000; i++)
        {
            failure = new InvalidOperationException($"wrapper {i}", failure);
        }

        capture.Logger().LogError(failure, "Failed");

        var record = SingleWithinLimit(capture);
        Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
    }

    [Test]
    public void AHugeMessageOfCharactersThatEscapeToSixBytesStaysWithinTheLimit()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);

        capture.Logger().LogInformation("{Message}", new string('\0', 1024 * 1024));

        var record = SingleWithinLimit(capture);
        Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void EveryOwnFieldAtOnceFullOfCharactersThatEscapeToSixBytesStaysWithinTheLimit(DurableLogFormat format)
    {
        using var capture = new LineCapture(format, options => options.MaxRecordBytes = Limit);
        var hostile = new string('\u0001', 100_000);

        using (DurableLogContext.BeginInvocation(new LambdaInvocation(hostile) { TraceId = hostile, TenantId = hostile }))
        using (DurableLogContext.EnterContext(new DurableContextState(hostile, isReplaying: false, parentId: hostile)))
        using (DurableLogContext.EnterOperation(new DurableOperation(hostile, hostile, attempt: 1)))
        {
            capture.Logger(hostile).LogError(new EventId(1, hostile), new InvalidOperationException(hostile, new ArgumentException(hostile)), "{Message}", hostile);
        }

        var line = capture.SingleLine();
        Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(Limit));
        if (format == DurableLogFormat.Json)
        {
            Assert.That(JsonLine.Parse(line).GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
        }
        else
        {
            Assert.That(line, Does.Contain(" truncated=true"));
        }
    }

    [Test]
    public void ACutNeverSplitsASurrogatePair()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);

        capture.Logger().LogInformation("{Message}", string.Concat(Enumerable.Repeat("😀", 500_000)));

        var record = SingleWithinLimit(capture);
        var message = JsonLine.String(record, "message")!;
        Assert.That(message.Replace("😀", string.Empty, StringComparison.Ordinal).TrimEnd('…'), Is.Empty);
    }

    [TestCase(1024 * 1024)]
    [TestCase(10 * 1024 * 1024)]
    public void InTextAHugeMessageIsCutToOneMarkedLineWithinTheLimit(int length)
    {
        using var capture = LineCapture.Text(options => options.MaxRecordBytes = Limit);

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = null }))
        {
            capture.Logger().LogInformation("{Message}", new string('m', length));
        }

        var line = capture.SingleLine();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(Limit));
            Assert.That(line, Does.StartWith("2026-07-22T10:11:12.345Z\treq-1\tINFO\t" + new string('m', 64)));
            Assert.That(line, Does.EndWith(" category=Tests.Category truncated=true"));
        }
    }

    [Test]
    public void InTextManyLargeScopeValuesAndAHugeStackTraceAreCutToOneMarkedLineWithinTheLimit()
    {
        using var capture = LineCapture.Text(options => options.MaxRecordBytes = Limit);
        var logger = capture.Logger();
        var scope = Enumerable.Range(0, 200).ToDictionary(i => "Key" + i, i => (object?)new string('v', 10_000));
        var failure = new HugeStackException(string.Join("\n", Enumerable.Range(0, 100_000).Select(i => $"   at Deep.Frame{i}()")));

        using (logger.BeginScope(scope))
        {
            logger.LogError(failure, "Failed");
        }

        var line = capture.SingleLine();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(Limit));
            Assert.That(line, Does.StartWith("2026-07-22T10:11:12.345Z\t\tERROR\tFailed category=Tests.Category"));
            Assert.That(line, Does.Contain(" truncated=true\r"));
        }
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void ARecordOfExactlyTheLimitIsKeptWholeAndOneByteMoreIsCut(DurableLogFormat format)
    {
        var fixedPart = RenderedLength(format, string.Empty);

        var atLimit = new string('m', Limit - fixedPart);
        var overLimit = atLimit + "m";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RenderedLength(format, atLimit), Is.EqualTo(Limit));
            Assert.That(Render(format, atLimit), Does.Not.Contain("truncated"));
            Assert.That(Render(format, atLimit), Does.Contain(atLimit));
            Assert.That(RenderedLength(format, overLimit), Is.LessThanOrEqualTo(Limit));
            Assert.That(Render(format, overLimit), Does.Contain("truncated"));
        }
    }

    [Test]
    public void ARecordUnderTheLimitHasNoTruncatedKey()
    {
        using var capture = LineCapture.Json(options => options.MaxRecordBytes = Limit);

        LogPlain(capture, new string('m', 2000));

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.TryGetProperty("truncated", out _), Is.False);
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo(new string('m', 2000)));
        }
    }

    [Test]
    public void TheDefaultLimitKeepsALargeRecordThatCloudWatchCanStoreWhole()
    {
        using var capture = LineCapture.Json();
        var message = new string('m', 200 * 1024);

        LogPlain(capture, message);

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo(message));
            Assert.That(record.TryGetProperty("truncated", out _), Is.False);
        }
    }

    [Test]
    public void TheDefaultLimitKeepsEveryRecordWithinOneCloudWatchEvent()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("{Message}", new string('m', 1024 * 1024));

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(DurableLoggerOptions.DefaultMaxRecordBytes));
            Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(256 * 1024));
            Assert.That(record.GetProperty("truncated").ValueKind, Is.EqualTo(JsonValueKind.True));
        }
    }

    private static JsonElement SingleWithinLimit(LineCapture capture)
    {
        var line = capture.SingleLine();
        Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(Limit), "the record, newline included, is within the limit");
        return JsonLine.Parse(line);
    }

    private static string Render(DurableLogFormat format, string message)
    {
        using var capture = new LineCapture(format, options => options.MaxRecordBytes = Limit);
        LogPlain(capture, message);
        return capture.SingleLine();
    }

    private static int RenderedLength(DurableLogFormat format, string message)
    {
        using var capture = new LineCapture(format, options => options.MaxRecordBytes = Limit);
        LogPlain(capture, message);
        _ = capture.SingleLine();
        return capture.Records[0].Length;
    }

    /// <summary>Logs a message that is only a message: no template values, so it is in the record once.</summary>
    private static void LogPlain(LineCapture capture, string message) =>
        capture.Logger().Log(LogLevel.Information, default, message, null, static (state, _) => state);

    private sealed class HugeStackException(string stackTrace) : Exception("deep failure")
    {
        public override string StackTrace => stackTrace;
    }
}
