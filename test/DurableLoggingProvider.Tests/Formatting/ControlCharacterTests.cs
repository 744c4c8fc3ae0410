using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// The control characters the docs name (U+0000–U+001F, U+007F–U+009F, U+2028, U+2029) never reach a line
/// raw, except tab and carriage return in free text; the Text columns before the message are always the
/// real ones, whatever the request, trace and tenant ids hold; a <c>key=value</c> value holding a tab or a
/// carriage return is quoted.
/// </summary>
[TestFixture]
public class ControlCharacterTests
{
    /// <summary>Every control character the docs name, as the docs list them.</summary>
    private static readonly char[] s_controls =
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\u2028', '\u2029'];

    private static readonly string s_allControls = new(s_controls);

    [TestCase("abc\tERROR\tforged")]
    [TestCase("abc\rERROR")]
    [TestCase("abc\nERROR")]
    [TestCase("abc\u0085ERROR\u2028x\u007F")]
    public void InTextTheColumnsBeforeTheMessageAreTheRealOnesWhateverTheIdsHold(string id)
    {
        using var capture = LineCapture.Text();

        using (DurableLogContext.BeginInvocation(new LambdaInvocation(id) { TraceId = id, TenantId = id }))
        {
            capture.Logger().LogInformation("Placed");
        }

        var line = capture.SingleLine();
        var columns = line.Split('\t');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(columns, Has.Length.EqualTo(4), $"exactly four columns, no tab after them: {line}");
            Assert.That(columns[0], Is.EqualTo("2026-07-22T10:11:12.345Z"));
            Assert.That(columns[1], Is.EqualTo(Escaped(id)), "the request id with every control character escaped");
            Assert.That(columns[2], Is.EqualTo("INFO"));
            Assert.That(columns[3], Does.StartWith("Placed "));
            Assert.That(columns[3], Does.Contain($"tenantId=\"{EscapedInQuotes(id)}\"").And.Contain($"traceId=\"{EscapedInQuotes(id)}\""));
            Assert.That(string.Concat(columns[1..]).Where(c => s_controls.Contains(c) && c != '\r'), Is.Empty, "no raw control character after the timestamp but a carriage return inside quotes");
        }
    }

    [Test]
    public void InTextEveryControlCharacterOfTheMessageButTabAndCarriageReturnIsEscaped()
    {
        using var capture = LineCapture.Text();

        capture.Logger().Log(LogLevel.Information, default, "[" + s_allControls + "]", null, static (message, _) => message);

        var message = TextLine.Parse(capture.SingleLine()).Rest;
        var expected = "[" + string.Concat(s_controls.Select(c => c switch
        {
            '\n' => "\r",
            '\t' or '\r' => c.ToString(),
            _ => $"\\u{(int)c:X4}",
        })) + "] category=Tests.Category";
        Assert.That(message, Is.EqualTo(expected));
    }

    [TestCase("a\tb", "\"a\\u0009b\"")]
    [TestCase("a\rb", "\"a\rb\"")]
    [TestCase("a\nb", "\"a\rb\"")]
    [TestCase("a\u0085b", "\"a\\u0085b\"")]
    [TestCase("a\u2029b", "\"a\\u2029b\"")]
    [TestCase("a\u007Fb", "\"a\\u007Fb\"")]
    public void InTextAValueHoldingAControlCharacterIsQuotedWithItEscaped(string value, string written)
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Note"] = value }))
        {
            logger.LogInformation("Scoped");
        }

        Assert.That(TextLine.Parse(capture.SingleLine()).Rest, Is.EqualTo($"Scoped category=Tests.Category Note={written}"));
    }

    [Test]
    public void InTextAKeyHoldingControlCharactersHasEachWrittenAsAnUnderscore()
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["k\u007F\u0085\u2028\tey"] = 1 }))
        {
            logger.LogInformation("Scoped");
        }

        Assert.That(TextLine.Parse(capture.SingleLine()).Rest, Is.EqualTo("Scoped category=Tests.Category k____ey=1"));
    }

    [Test]
    public void InJsonEveryControlCharacterIsEscapedInEveryStringAndReadsBackUnchanged()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger(s_allControls);

        using (DurableLogContext.BeginInvocation(new LambdaInvocation(s_allControls) { TraceId = s_allControls, TenantId = s_allControls }))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Scoped" + s_allControls] = s_allControls }))
        {
            logger.LogInformation("{Value}", s_allControls);
        }

        var line = capture.SingleLine();
        var record = JsonLine.Parse(line);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line.Where(s_controls.Contains), Is.Empty, "no control character is written raw");
            foreach (var key in new[] { "requestId", "traceId", "tenantId", "category", "message", "Value", "Scoped" + s_allControls })
            {
                Assert.That(JsonLine.String(record, key), Is.EqualTo(s_allControls), key);
            }
        }
    }

    /// <summary>The docs' rule for a column: every control character as <c>\uXXXX</c>.</summary>
    private static string Escaped(string text) => string.Concat(text.Select(c => s_controls.Contains(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>The docs' rule inside a quoted value: a newline becomes a carriage return, a carriage return stays, other controls as <c>\uXXXX</c>.</summary>
    private static string EscapedInQuotes(string text) => string.Concat(text.Select(c => c switch
    {
        '\n' or '\r' => "\r",
        _ when s_controls.Contains(c) => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    }));
}
