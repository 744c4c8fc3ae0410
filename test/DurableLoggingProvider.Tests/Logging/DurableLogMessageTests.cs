using System;
using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Logging;

/// <summary>
/// <see cref="DurableLogMessage"/>, the opt-in that keeps value types unboxed: a line defined with it is the
/// line <c>LoggerMessage.Define</c> gives, byte for byte, other providers see what they see through
/// <c>LoggerMessage</c>, and a template that does not fit its values is refused when it is defined.
/// </summary>
[TestFixture]
public class DurableLogMessageTests
{
    private const string Template = "Order {OrderId} charged {Amount,8:F1} {Currency}";

    private static readonly Action<ILogger, string, decimal, string, Exception?> s_ours =
        DurableLogMessage.Define<string, decimal, string>(LogLevel.Information, new EventId(7, "OrderCharged"), Template);

    private static readonly Action<ILogger, string, decimal, string, Exception?> s_mel =
        LoggerMessage.Define<string, decimal, string>(LogLevel.Information, new EventId(7, "OrderCharged"), Template);

    private static readonly Action<ILogger, int, Exception?> s_count =
        DurableLogMessage.Define<int>(LogLevel.Warning, new EventId(8), "{Count} left");

    private static readonly Action<ILogger, Guid, DateTime, Exception?> s_two =
        DurableLogMessage.Define<Guid, DateTime>(LogLevel.Information, default, "{Id} at {When:O}");

    [Test]
    public void ALineIsTheLineOfTheSameMessageDefinedThroughLoggerMessage()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1")))
        {
            s_ours(logger, "ord-1", 72.55m, "USD", null);
            s_mel(logger, "ord-1", 72.55m, "USD", null);
        }

        var lines = capture.Lines();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines[0], Is.EqualTo(lines[1]));
            Assert.That(JsonLine.Parse(lines[0]).GetProperty("message").GetString(), Is.EqualTo("Order ord-1 charged     72.6 USD"));
            Assert.That(JsonLine.Parse(lines[0]).GetProperty("Amount").GetDecimal(), Is.EqualTo(72.55m));
        }
    }

    [Test]
    public void InTextALineIsTheLineOfTheSameMessageDefinedThroughLoggerMessage()
    {
        using var capture = LineCapture.Text();

        s_ours(capture.Logger(), "ord-1", 72.55m, "USD", null);
        s_mel(capture.Logger(), "ord-1", 72.55m, "USD", null);

        var lines = capture.Lines();
        Assert.That(lines[0], Is.EqualTo(lines[1]));
    }

    [Test]
    public void EachLineWritesItsOwnValuesThoughTheirBoxesAreReused()
    {
        using var capture = LineCapture.Json();

        foreach (var count in new[] { 3, 2, 1 })
        {
            s_count(capture.Logger(), count, null);
        }

        s_two(capture.Logger(), Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateTime(2026, 7, 22, 10, 11, 12, DateTimeKind.Utc), null);

        var records = capture.Lines().Select(JsonLine.Parse).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Take(3).Select(record => record.GetProperty("Count").GetInt32()), Is.EqualTo(new[] { 3, 2, 1 }));
            Assert.That(records.Take(3).Select(record => record.GetProperty("message").GetString()), Is.EqualTo(new[] { "3 left", "2 left", "1 left" }));
            Assert.That(records[3].GetProperty("message").GetString(), Is.EqualTo("0f8fad5b-d9cb-469f-a165-70867728950e at 2026-07-22T10:11:12.0000000Z"));
            Assert.That(records[3].GetProperty("Id").GetString(), Is.EqualTo("0f8fad5b-d9cb-469f-a165-70867728950e"));
        }
    }

    [Test]
    public void ALineLoggedWhileAValueIsFormattedKeepsItsOwnValues()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();
        var inner = DurableLogMessage.Define<int>(LogLevel.Information, default, "inner {Count}");
        var outer = DurableLogMessage.Define<LoggingValue, int>(LogLevel.Information, default, "outer {Value} {Count}");

        outer(logger, new LoggingValue(() => inner(logger, 2, null)), 1, null);

        // The value's text is read for the message and for its field: the inner line is written each time.
        var records = capture.Lines().Select(JsonLine.Parse).ToList();
        var outerRecord = records.Single(record => record.GetProperty("message").GetString()!.StartsWith("outer", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outerRecord.GetProperty("message").GetString(), Is.EqualTo("outer logged 1"));
            Assert.That(outerRecord.GetProperty("Count").GetInt32(), Is.EqualTo(1));
            Assert.That(records.Where(record => record.GetProperty("message").GetString() != "outer logged 1").Select(record => record.GetProperty("Count").GetInt32()), Is.Not.Empty.And.All.EqualTo(2));
        }
    }

    [Test]
    public void OtherProvidersSeeTheNamesTheValuesTheTemplateAndMelsMessage()
    {
        var ours = new FormatterCaptureLogger();
        var mel = new FormatterCaptureLogger();
        var oursState = new StateCaptureLogger();
        var melState = new StateCaptureLogger();

        s_ours(ours, "ord-1", 72.55m, "USD", null);
        s_mel(mel, "ord-1", 72.55m, "USD", null);
        s_ours(oursState, "ord-1", 72.55m, "USD", null);
        s_mel(melState, "ord-1", 72.55m, "USD", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ours.Message, Is.EqualTo("Order ord-1 charged     72.6 USD"));
            Assert.That(ours.Message, Is.EqualTo(mel.Message));
            Assert.That(oursState.Pairs, Is.EqualTo(melState.Pairs));
            Assert.That(oursState.Pairs[^1], Is.EqualTo(new KeyValuePair<string, object?>("{OriginalFormat}", Template)));
        }
    }

    [Test]
    public void ASequenceValueIsJoinedAsLoggerMessageJoinsItEmptyAndNullItemsAndCultureIncluded()
    {
        var ours = DurableLogMessage.Define<IEnumerable<object?>>(LogLevel.Information, default, "Items {Items}");
        var mel = LoggerMessage.Define<IEnumerable<object?>>(LogLevel.Information, default, "Items {Items}");
        object?[] items = ["", "a", null, 1.5m];
        var oursMessage = new FormatterCaptureLogger();
        var melMessage = new FormatterCaptureLogger();
        using var capture = LineCapture.Json();

        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            ours(oursMessage, items, null);
            mel(melMessage, items, null);
            ours(capture.Logger(), items, null);
            mel(capture.Logger(), items, null);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        var lines = capture.Lines();
        using (Assert.EnterMultipleScope())
        {
            // MEL joins a sequence's items with ", " after every item but the first, however empty, and
            // writes each with its own ToString(), in the current culture.
            Assert.That(melMessage.Message, Is.EqualTo("Items , a, (null), 1,5"));
            Assert.That(oursMessage.Message, Is.EqualTo(melMessage.Message));
            Assert.That(JsonLine.Parse(lines[0]).GetProperty("message").GetString(), Is.EqualTo(melMessage.Message));
            Assert.That(JsonLine.Parse(lines[1]).GetProperty("message").GetString(), Is.EqualTo(melMessage.Message));
        }
    }

    [TestCase("Order {OrderId} charged {Amount}", TestName = "ATemplateWithFewerPlaceholdersThanValuesIsRefused")]
    [TestCase("Order {OrderId} charged {Amount} {Currency} {Extra}", TestName = "ATemplateWithMorePlaceholdersThanValuesIsRefused")]
    [TestCase("Order {OrderId} } {Amount} {Currency}", TestName = "ATemplateWithALoneBraceIsRefused")]
    public void ATemplateThatDoesNotFitItsValuesIsRefusedWhenDefined(string template)
    {
        var failure = Assert.Throws<ArgumentException>(() => DurableLogMessage.Define<string, decimal, string>(LogLevel.Information, default, template));

        Assert.That(failure!.Message, Does.Contain(template));
    }

    private sealed class LoggingValue(Action log)
    {
        public override string ToString()
        {
            log();
            return "logged";
        }
    }
}
