using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// Log injection, over a corpus generated from a fixed seed: values that mix line breaks of every kind,
/// forged JSON records, forged Lambda <c>START</c>, <c>END</c> and <c>REPORT</c> lines, forged Text columns,
/// control characters, lone surrogates and escape sequences, placed in every field a caller controls at
/// once. Each record is exactly one line (checked on the raw bytes); in JSON it is one object whose own
/// fields (level, request id, execution ARN) are the real ones and whose values are the caller's text,
/// unchanged; in Text its columns are the real ones. <see cref="Formatting.HostileValueTests"/> checks
/// each kind of payload by itself; this mixes them.
/// </summary>
[TestFixture]
public class LogInjectionTests
{
    private const int Seed = 20260722;
    private const int Payloads = 600;
    private const string RequestId = "8f5a1c2e-1111-4000-8000-000000000001";
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/order-1/run-1";

    private static readonly string[] s_fragments =
    [
        "\n", "\r", "\r\n", "\n\r", "\u2028", "\u2029", "\u0085", "\v", "\f",
        "\"}\n{\"timestamp\":\"2026-07-22T10:11:12.345Z\",\"level\":\"ERROR\",\"requestId\":\"forged\",\"message\":\"forged record\"}\n",
        "\",\"level\":\"ERROR", "\\\",\\\"level\\\":\\\"ERROR", "\"}", "{\"", "]}", "\"executionArn\":\"arn:forged\",",
        "START RequestId: 00000000-0000-4000-8000-000000000000 Version: $LATEST",
        "END RequestId: 00000000-0000-4000-8000-000000000000",
        "REPORT RequestId: 00000000-0000-4000-8000-000000000000\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\t",
        "2026-07-22T10:11:12.345Z\tforged-request\tERROR\tforged text line",
        "\t", "\tERROR\t", " executionArn=arn:forged", " requestId=forged", " level=ERROR",
        "\0", "\u0001", "\u0007", "\u0008", "\u001b[2J", "\u001f", "\u007f",
        "\uD800", "\uDFFF", "\uDE00\uD83D",
        "\\", "\\n", "\\u000a", "\\\"", "%n", "{0}", "{{", "}}",
        "😀", "日本", "é",
    ];

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    public void NoPayloadInAnyCallerFieldProducesAnExtraLineOrAForgedField(DurableLogFormat format)
    {
        var problems = new List<string>();
        var lines = 0;
        foreach (var payload in Corpus())
        {
            using var capture = new LineCapture(format);
            LogEverywhere(capture, payload);

            var records = capture.Records;
            lines += records.Count;
            if (records.Count != 1)
            {
                problems.Add($"{records.Count} records for {Escaped(payload)}");
                continue;
            }

            var line = LineCapture.ToLine(records[0]);
            var problem = format == DurableLogFormat.Json ? JsonProblem(line, payload) : TextProblem(line);
            if (problem is not null)
            {
                problems.Add($"{problem} for {Escaped(payload)}: {line}");
            }
        }

        TestContext.Out.WriteLine($"{format}: {Payloads} payloads, each in the 10 caller fields of one record: {lines} lines, {problems.Count} problems");
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void TheSameSeedGivesTheSameCorpus()
    {
        var first = Corpus();
        var second = Corpus();

        Assert.That(second, Is.EqualTo(first));
    }

    /// <summary>Payloads of one to six fragments, with words between them, from the fixed seed.</summary>
    private static List<string> Corpus()
    {
        var random = new Random(Seed);
        var corpus = new List<string>(s_fragments);
        while (corpus.Count < Payloads)
        {
            var payload = new StringBuilder();
            for (var i = random.Next(1, 7); i > 0; i--)
            {
                payload.Append(random.Next(3) == 0 ? "word " : string.Empty).Append(s_fragments[random.Next(s_fragments.Length)]);
            }

            corpus.Add(payload.ToString());
        }

        return corpus;
    }

    private static void LogEverywhere(LineCapture capture, string payload)
    {
        var logger = capture.Logger(payload);
        using (DurableLogContext.BeginInvocation(new LambdaInvocation(RequestId) { TraceId = payload, TenantId = payload }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false)))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", payload)))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Scoped"] = payload, [payload] = "keyed" }))
        using (logger.BeginScope(payload))
        {
            logger.Log(LogLevel.Information, new EventId(1, payload), new InvalidOperationException(payload), "{Value}", payload);
        }
    }

    /// <summary>What is wrong with a JSON line, or <see langword="null"/>: it must be one object holding the real own fields and the payload, unchanged, in each caller field.</summary>
    private static string? JsonProblem(string line, string payload)
    {
        var record = JsonLine.Parse(line);
        var expected = AsUtf8(payload);
        var own = new Dictionary<string, string>
        {
            ["level"] = "INFO",
            ["requestId"] = RequestId,
            ["executionArn"] = ExecutionArn,
            ["operationId"] = "op-1",
        };
        foreach (var (key, value) in own)
        {
            if (record.GetProperty(key).GetString() != value)
            {
                return $"'{key}' is not the real one";
            }
        }

        foreach (var key in new[] { "tenantId", "traceId", "operationName", "category", "eventName", "message", "Value", "Scoped", "errorMessage" })
        {
            if (record.GetProperty(key).GetString() != expected)
            {
                return $"'{key}' is not the payload";
            }
        }

        if (!record.TryGetProperty(expected, out var keyed) || keyed.GetString() != "keyed")
        {
            return "the scope key is not the payload";
        }

        return record.GetProperty("scopes")[0].GetString() != expected ? "the plain scope is not the payload" : null;
    }

    /// <summary>What is wrong with a Text line, or <see langword="null"/>: its first columns must be the real timestamp, request id and level.</summary>
    private static string? TextProblem(string line)
    {
        var columns = TextLine.Parse(line);
        return columns.Timestamp != "2026-07-22T10:11:12.345Z" || columns.RequestId != RequestId || columns.Level != "INFO"
            ? "the columns are not the real ones"
            : null;
    }

    /// <summary>The payload as it can be written in UTF-8: lone surrogates become U+FFFD.</summary>
    private static string AsUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static string Escaped(string text) => string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
