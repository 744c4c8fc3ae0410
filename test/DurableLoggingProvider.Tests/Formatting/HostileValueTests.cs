using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// Values that try to break the line: line breaks, forged records and Lambda platform lines, control
/// characters, invalid UTF-16, and values, formatters and scopes that throw. Each record stays exactly
/// one line of valid UTF-8 (checked on the raw bytes by <see cref="LineCapture"/>), and in JSON it parses.
/// </summary>
[TestFixture]
public class HostileValueTests
{
    private const string ForgedRecord = "ok\"}\n{\"timestamp\":\"2026-07-22T10:11:12.345Z\",\"level\":\"ERROR\",\"message\":\"forged\"}";
    private const string ForgedStartLine = "ok\nSTART RequestId: 8f5a1c2e-1111-4000-8000-000000000000 Version: $LATEST";

    public static IEnumerable<TestCaseData> HostileTexts()
    {
        yield return new TestCaseData("before\nafter").SetArgDisplayNames("line feed");
        yield return new TestCaseData("before\r\nafter").SetArgDisplayNames("CRLF");
        yield return new TestCaseData("before\rafter").SetArgDisplayNames("carriage return");
        yield return new TestCaseData("\n\n\n").SetArgDisplayNames("only line feeds");
        yield return new TestCaseData(ForgedRecord).SetArgDisplayNames("forged JSON record");
        yield return new TestCaseData(ForgedStartLine).SetArgDisplayNames("forged START line");
        yield return new TestCaseData("x\nEND RequestId: 1\nREPORT RequestId: 1\tDuration: 1.00 ms\t").SetArgDisplayNames("forged END and REPORT lines");
        yield return new TestCaseData("nul\0inside").SetArgDisplayNames("NUL");
        yield return new TestCaseData("\u0001\u0002\u0007\u0008\u000b\u000c\u001b[2J\u001f\u007f").SetArgDisplayNames("control characters");
        yield return new TestCaseData("a\u2028b\u2029c\u0085d").SetArgDisplayNames("Unicode line separators");
        yield return new TestCaseData("\\\"}]}\\u000a").SetArgDisplayNames("quotes, brackets and a written-out escape");
        yield return new TestCaseData("emoji 😀 and CJK 日本").SetArgDisplayNames("non-ASCII");
    }

    public static IEnumerable<TestCaseData> InvalidUtf16()
    {
        yield return new TestCaseData("lone high \uD800 surrogate", "lone high \uFFFD surrogate").SetArgDisplayNames("lone high surrogate");
        yield return new TestCaseData("lone low \uDC00 surrogate", "lone low \uFFFD surrogate").SetArgDisplayNames("lone low surrogate");
        yield return new TestCaseData("reversed \uDE00\uD83D pair", "reversed \uFFFD\uFFFD pair").SetArgDisplayNames("reversed pair");
        yield return new TestCaseData("ends high \uD83D", "ends high \uFFFD").SetArgDisplayNames("high surrogate at the end");
    }

    [TestCaseSource(nameof(HostileTexts))]
    public void InJsonAHostileTextAnywhereStaysInsideItsOwnValue(string text)
    {
        using var capture = LineCapture.Json();

        LogEverywhere(capture, text);

        var record = capture.SingleJson();
        AssertEverywhere(record, text);
    }

    [TestCaseSource(nameof(HostileTexts))]
    public void InTextAHostileTextAnywhereStaysOnTheRecordsOneLine(string text)
    {
        using var capture = LineCapture.Text();

        LogEverywhere(capture, text);

        var line = capture.SingleLine();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line, Does.StartWith("2026-07-22T10:11:12.345Z\t"));
            Assert.That(line.Where(c => c < ' ' && c is not ('\t' or '\r')), Is.Empty, "no raw control character but tab and carriage return");
        }
    }

    [TestCaseSource(nameof(HostileTexts))]
    public void InTextAHostileMessageHasItsNewlinesTurnedIntoCarriageReturnsAndItsControlCharactersEscaped(string text)
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation("{Value}", text);

        Assert.That(capture.SingleLine(), Is.EqualTo($"2026-07-22T10:11:12.345Z\t\tINFO\t{OnOneLine(text)} category=Tests.Category"));
    }

    [TestCaseSource(nameof(InvalidUtf16))]
    public void InJsonInvalidUtf16IsReplacedAndTheLineStaysValidUtf8(string text, string replaced)
    {
        using var capture = LineCapture.Json();

        LogEverywhere(capture, text);

        var record = capture.SingleJson();
        AssertEverywhere(record, replaced);
    }

    [TestCaseSource(nameof(InvalidUtf16))]
    public void InTextInvalidUtf16IsReplacedAndTheLineStaysValidUtf8(string text, string replaced)
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation("{Value}", text);

        Assert.That(capture.SingleLine(), Is.EqualTo($"2026-07-22T10:11:12.345Z\t\tINFO\t{replaced} category=Tests.Category"));
    }

    [Test]
    public void InTextAScopeKeyCannotEndEarlyOrForgeAnotherField()
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?>
        {
            ["x executionArn=forged"] = "v",
            ["line\nbreak"] = 1,
            ["quote\"and\\slash"] = 2,
        }))
        {
            logger.LogInformation("Scoped");
        }

        Assert.That(capture.SingleLine(), Is.EqualTo(
            "2026-07-22T10:11:12.345Z\t\tINFO\tScoped category=Tests.Category x_executionArn_forged=v line_break=1 quote_and_slash=2"));
    }

    [Test]
    public void InJsonAValueWhoseToStringThrowsIsReplacedByAMarkerNamingTheFailure()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Order {Order} placed", new ThrowingToString());

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "Order"), Does.Contain(nameof(InvalidOperationException)).And.Contain("no text for you"));
            Assert.That(JsonLine.String(record, "message"), Does.StartWith("Order {Order} placed").And.Contain(nameof(InvalidOperationException)));
        }
    }

    [Test]
    public void InTextAScopeValueWhoseToStringThrowsIsReplacedByAMarkerNamingTheFailure()
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Order"] = new ThrowingToString() }))
        {
            logger.LogInformation("Placed");
        }

        var line = capture.SingleLine();
        Assert.That(line, Does.StartWith("2026-07-22T10:11:12.345Z\t\tINFO\tPlaced category=Tests.Category Order=\"")
            .And.Contain(nameof(InvalidOperationException)).And.Contain("no text for you"));
    }

    [Test]
    public void InJsonAPlainScopeWhoseToStringThrowsIsReplacedByAMarker()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(new ThrowingToString()))
        {
            logger.LogInformation("Scoped");
        }

        var scopes = JsonLine.StringArray(capture.SingleJson(), "scopes");
        Assert.That(scopes, Has.Count.EqualTo(1));
        Assert.That(scopes[0], Does.Contain(nameof(InvalidOperationException)));
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void AMessageFormatterThatThrowsStillWritesTheRecordNamingTheFailure(DurableLogFormat format)
    {
        using var capture = new LineCapture(format);
        var state = new List<KeyValuePair<string, object?>> { new("OrderId", 7), new("{OriginalFormat}", "Order {OrderId}") };

        capture.Logger().Log(LogLevel.Warning, default, state, null, (_, _) => throw new FormatException("bad format"));

        var line = capture.SingleLine();
        if (format == DurableLogFormat.Json)
        {
            var record = JsonLine.Parse(line);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(JsonLine.String(record, "level"), Is.EqualTo("WARN"));
                Assert.That(JsonLine.String(record, "message"), Does.StartWith("Order {OrderId}").And.Contain(nameof(FormatException)).And.Contain("bad format"));
                Assert.That(record.GetProperty("OrderId").GetInt32(), Is.EqualTo(7));
            }
        }
        else
        {
            Assert.That(line, Does.StartWith("2026-07-22T10:11:12.345Z\t\tWARN\tOrder {OrderId}").And.Contain(nameof(FormatException)).And.Contain("bad format"));
        }
    }

    [Test]
    public void AFormatterThatReturnsNullGivesAnEmptyMessage()
    {
        using var capture = LineCapture.Json();

        capture.Logger().Log(LogLevel.Information, default, "state", null, (_, _) => null!);

        Assert.That(JsonLine.String(capture.SingleJson(), "message"), Is.Empty);
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void AScopeWhoseEnumeratorThrowsStillWritesTheRecordNamingTheFailure(DurableLogFormat format)
    {
        using var capture = new LineCapture(format);
        var logger = capture.Logger();

        using (logger.BeginScope(new ThrowingPairs()))
        {
            logger.LogInformation("Scoped");
        }

        var line = capture.SingleLine();
        if (format == DurableLogFormat.Json)
        {
            var record = JsonLine.Parse(line);
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Scoped"));
            Assert.That(JsonLine.StringArray(record, "scopes"), Has.Some.Contains(nameof(InvalidOperationException)));
        }
        else
        {
            Assert.That(line, Does.StartWith("2026-07-22T10:11:12.345Z\t\tINFO\tScoped category=Tests.Category").And.Contain(nameof(InvalidOperationException)));
        }
    }

    [Test]
    public void AScopeWhoseEnumeratorThrowsDoesNotCostTheOtherScopesTheirValues()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Outer"] = 1 }))
        using (logger.BeginScope(new ThrowingPairs()))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Inner"] = 2 }))
        using (logger.BeginScope("plain inner"))
        {
            logger.LogInformation("Scoped");
        }

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.GetProperty("Outer").GetInt32(), Is.EqualTo(1));
            Assert.That(record.TryGetProperty("Inner", out var inner), Is.True, "the scope inside the failing one is kept");
            Assert.That(inner.ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(JsonLine.StringArray(record, "scopes"), Has.Some.EqualTo("plain inner"));
            Assert.That(JsonLine.StringArray(record, "scopes"), Has.Some.Contains(nameof(InvalidOperationException)));
        }
    }

    [Test]
    public void AStateWhoseValuesCannotBeReadStillWritesTheRecordWithItsMessage()
    {
        using var capture = LineCapture.Json();

        capture.Logger().Log(LogLevel.Information, default, new ThrowingPairs(), null, (_, _) => "Still here");

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Still here"));
            Assert.That(record.EnumerateObject().Select(property => property.Value.ToString()), Has.Some.Contains(nameof(InvalidOperationException)));
        }
    }

    [Test]
    public void AListWhoseEnumeratorThrowsIsWrittenUpToTheFailureWithAMarker()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Items {Items}", new ThrowingList());

        var items = capture.SingleJson().GetProperty("Items");
        Assert.That(items.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(items.EnumerateArray().Select(item => item.ToString()), Has.Some.Contains(nameof(InvalidOperationException)));
    }

    [Test]
    public void AValueWhoseToStringIsNullIsWrittenAsNull()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Value {Value}", new NullToString());

        Assert.That(capture.SingleJson().GetProperty("Value").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void AValueWhoseToStringLogsLeavesEveryRecordWhole()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        logger.LogInformation("Outer {Value} done", new LoggingToString(logger));

        var records = capture.Lines().Select(JsonLine.Parse).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Select(record => JsonLine.String(record, "message")), Has.Some.EqualTo("Outer logged-value done"));
            Assert.That(records.Select(record => JsonLine.String(record, "message")), Has.Some.EqualTo("Logged from inside ToString"));
            Assert.That(records.Single(record => record.GetProperty("message").GetString() == "Outer logged-value done").GetProperty("Value").GetString(), Is.EqualTo("logged-value"));
        }
    }

    /// <summary>
    /// The documented rule for free text in a Text line: a newline becomes a carriage return; the other control
    /// characters (U+0000–U+001F, U+007F–U+009F, U+2028, U+2029) but tab and carriage return become <c>\uXXXX</c>.
    /// </summary>
    private static string OnOneLine(string text)
    {
        var line = new StringBuilder();
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => line.Append('\r'),
                '\t' or '\r' => line.Append(c),
                < ' ' or (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' => line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => line.Append(c),
            };
        }

        return line.ToString();
    }

    private static void LogEverywhere(LineCapture capture, string text)
    {
        var logger = capture.Logger(text);
        using (DurableLogContext.BeginInvocation(new LambdaInvocation(text) { TraceId = text, TenantId = text }))
        using (DurableLogContext.EnterContext(new DurableContextState(text, isReplaying: false, parentId: text)))
        using (DurableLogContext.EnterOperation(new DurableOperation(text, text)))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Scoped"] = text, [text] = "keyed" }))
        using (logger.BeginScope(text))
        {
            logger.Log(LogLevel.Error, new EventId(1, text), new InvalidOperationException(text), "{Value}", text);
        }
    }

    private static void AssertEverywhere(JsonElement record, string text)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var key in new[] { "requestId", "tenantId", "traceId", "executionArn", "parentId", "operationId", "operationName", "category", "eventName", "message", "Value", "Scoped", "errorMessage" })
            {
                Assert.That(JsonLine.String(record, key), Is.EqualTo(text), key);
            }

            Assert.That(JsonLine.String(record, text), Is.EqualTo("keyed"), "a scope key");
            Assert.That(JsonLine.StringArray(record, "scopes"), Is.EqualTo(Expected.Sequence(text)));
        }
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("no text for you");
    }

    private sealed class NullToString
    {
        public override string? ToString() => null;
    }

    private sealed class LoggingToString(ILogger logger)
    {
        public override string ToString()
        {
            logger.LogInformation("Logged from inside ToString");
            return "logged-value";
        }
    }

    private sealed class ThrowingPairs : IEnumerable<KeyValuePair<string, object?>>
    {
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return new("BeforeFailure", 1);
            throw new InvalidOperationException("scope cannot be read");
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class ThrowingList : IEnumerable<int>
    {
        public IEnumerator<int> GetEnumerator()
        {
            yield return 1;
            throw new InvalidOperationException("list cannot be read");
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
