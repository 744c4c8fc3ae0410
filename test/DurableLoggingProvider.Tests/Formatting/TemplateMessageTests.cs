using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

// Each case logs its own template (CA2254).
#pragma warning disable CA2254

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// The message of a line logged through MEL's own template states (the <c>Log…</c> extension methods,
/// <c>LoggerMessage.Define</c> and so the <c>[LoggerMessage]</c> generator) is rendered by the provider from
/// the template and the values, not by the caller's formatter: it must be exactly MEL's rendering, every
/// placeholder feature included. Each case states the expected message and checks that MEL's own formatter
/// renders the same.
/// </summary>
[TestFixture]
public class TemplateMessageTests
{
    private static readonly Action<ILogger, string, decimal, string, Exception?> s_orderCharged =
        LoggerMessage.Define<string, decimal, string>(LogLevel.Information, new EventId(7, "OrderCharged"), "Order {OrderId} charged {Amount,8:F1} {Currency}");

    public static IEnumerable<TestCaseData> Templates()
    {
        yield return Case("three values", "Order {OrderId} charged {Amount} {Currency}", "Order ord-1 charged 72.50 USD", "ord-1", 72.50m, "USD");
        yield return Case("alignment right and left", "[{Name,6}] [{Other,-6}]", "[    ab] [cd    ]", "ab", "cd");
        yield return Case("alignment with a space", "[{Name, 4}]", "[  ab]", "ab");
        yield return Case("alignment narrower than the value", "[{Name,2}]", "[abcdef]", "abcdef");
        yield return Case("formats", "{When:yyyy-MM-dd} {Ratio:F3} {Count:D5} {Id:N}", "2026-07-22 0.256 00042 0f8fad5bd9cb469fa16570867728950e", new DateTime(2026, 7, 22), 0.2561, 42, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
        yield return Case("alignment and format", "|{Amount,10:F2}|{Amount,-10:F2}|", "|      3.14|3.14      |", 3.14159, 3.14159);
        yield return Case("null values", "{Value} and {Other}", "(null) and x", null, "x");
        yield return Case("escaped braces", "{{literal}} {Name} }}{{", "{literal} n }{", "n");
        yield return Case("a placeholder inside escaped braces", "{{{Name}}}", "{n}", "n");
        yield return Case("an enum, a bool and a char", "{Level} {Flag} {Letter}", "Warning True z", LogLevel.Warning, true, 'z');
        yield return Case("an enum with a format", "{Level:D}", "3", LogLevel.Warning);
        yield return Case("a value without IFormattable", "{Thing}", "a plain thing", new PlainThing());
        yield return Case("an IFormattable that is not ISpanFormattable", "{Thing:loud}", "FORMATTED (loud, invariant)", new FormattableThing());
        yield return Fallback("a sequence", "{Items} and {Names}", "1, 2, 3 and a, (null)", new[] { 1, 2, 3 }, new List<string?> { "a", null });
        yield return Case("the same name twice", "{A} then {A}", "x then y", "x", "y");
        yield return Case("no placeholder, no value", "plain {{text}} }}", "plain {{text}} }}");
        yield return Fallback("a placeholder without a value", "waiting for {Name}", "waiting for {Name}");
        yield return Case("an empty string value", "[{Name}]", "[]", string.Empty);
        yield return Case("a long value", "{Text}!", new string('x', 5000) + "!", new string('x', 5000));
    }

    [TestCaseSource(nameof(Templates))]
    public void TheMessageIsMelsRenderingOfTheTemplate(string template, string expected, bool renderedHere, object?[] values)
    {
        using var capture = LineCapture.Json();
        var mel = new FormatterCaptureLogger();

        mel.Log(LogLevel.Information, template, values);
        capture.Logger().Log(LogLevel.Information, template, values);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mel.Message, Is.EqualTo(expected), "MEL's own rendering");
            Assert.That(capture.SingleJson().GetProperty("message").GetString(), Is.EqualTo(expected));
            Assert.That(mel.OurMessage, Is.EqualTo(expected), "the gathered message");
            Assert.That(mel.OurFormatterCalls, Is.EqualTo(renderedHere ? 0 : 1), renderedHere ? "rendered without the caller's formatter" : "rendered by the caller's formatter");
        }
    }

    [TestCaseSource(nameof(Templates))]
    public void InTextTheMessageIsMelsRenderingOfTheTemplate(string template, string expected, bool renderedHere, object?[] values)
    {
        using var capture = LineCapture.Text();

        capture.Logger().Log(LogLevel.Information, template, values);

        Assert.That(TextLine.Parse(capture.SingleLine()).Rest, Does.StartWith(expected + " category="));
    }

    [Test]
    public void AMessageIsRenderedInTheInvariantCultureWhateverTheThreadsCulture()
    {
        using var capture = LineCapture.Json();
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            capture.Logger().LogInformation("Charged {Amount} on {When}", 1234.5, new DateTime(2026, 7, 22, 10, 11, 12));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }

        Assert.That(capture.SingleJson().GetProperty("message").GetString(), Is.EqualTo("Charged 1234.5 on 07/22/2026 10:11:12"));
    }

    [Test]
    public void ADefinedMessageIsMelsRenderingOfItsTemplate()
    {
        using var capture = LineCapture.Json();
        var mel = new FormatterCaptureLogger();

        s_orderCharged(mel, "ord-1", 72.55m, "USD", null);
        s_orderCharged(capture.Logger(), "ord-1", 72.55m, "USD", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mel.Message, Is.EqualTo("Order ord-1 charged     72.6 USD"), "MEL's own rendering");
            Assert.That(mel.OurFormatterCalls, Is.Zero, "rendered without the caller's formatter");
            Assert.That(capture.SingleJson().GetProperty("message").GetString(), Is.EqualTo("Order ord-1 charged     72.6 USD"));
        }
    }

    [Test]
    public void AValueWhoseFormattingThrowsGetsTheSameMessageAsBefore()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Value {Value}", new ThrowingFormattable());

        Assert.That(capture.SingleJson().GetProperty("message").GetString(), Does.StartWith("Value {Value} [message formatting failed: InvalidOperationException"));
    }

    [Test]
    public void TheSameTemplateRendersEachRecordsOwnValues()
    {
        using var capture = LineCapture.Json();

        foreach (var name in new[] { "first", "a much longer second value", "3" })
        {
            capture.Logger().LogInformation("Hello {Name}", name);
        }

        var messages = new List<string?>();
        foreach (var line in capture.Lines())
        {
            messages.Add(JsonLine.Parse(line).GetProperty("message").GetString());
        }

        Assert.That(messages, Is.EqualTo(new[] { "Hello first", "Hello a much longer second value", "Hello 3" }));
    }

    private static TestCaseData Case(string name, string template, string expected, params object?[] values) =>
        new TestCaseData(template, expected, true, values).SetArgDisplayNames(name);

    /// <summary>A case MEL renders otherwise than the provider can (a sequence), or one without a value for each placeholder: the caller's formatter renders it.</summary>
    private static TestCaseData Fallback(string name, string template, string expected, params object?[] values) =>
        new TestCaseData(template, expected, false, values).SetArgDisplayNames(name);

    private sealed class PlainThing
    {
        public override string ToString() => "a plain thing";
    }

    private sealed class FormattableThing : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            $"FORMATTED ({format}, {(ReferenceEquals(formatProvider, CultureInfo.InvariantCulture) ? "invariant" : "other")})";
    }

    private sealed class ThrowingFormattable : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => throw new InvalidOperationException("no text");
    }
}
