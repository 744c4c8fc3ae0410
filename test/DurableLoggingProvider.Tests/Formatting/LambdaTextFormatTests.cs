using System;
using System.Collections.Generic;
using System.Globalization;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// The Text line: <c>timestamp&lt;TAB&gt;requestId&lt;TAB&gt;LEVEL&lt;TAB&gt;message</c> as the .NET runtime writes it,
/// then <c> key=value</c> fields, then the exception after a carriage return; always one line.
/// </summary>
[TestFixture]
public class LambdaTextFormatTests
{
    private const string Timestamp = "2026-07-22T10:11:12.345Z";
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    [Test]
    public void ALineStartsWithTheTimestampRequestIdLevelAndMessageSeparatedByTabs()
    {
        using var capture = LineCapture.Text();

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = null }))
        {
            capture.Logger().LogInformation("Hello {Name}", "world");
        }

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\treq-1\tINFO\tHello world category=Tests.Category"));
    }

    [Test]
    public void ALineOutsideAnInvocationKeepsAnEmptyRequestIdColumn()
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation("Started");

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tStarted category=Tests.Category"));
    }

    [TestCase(LogLevel.Trace, "TRACE")]
    [TestCase(LogLevel.Debug, "DEBUG")]
    [TestCase(LogLevel.Information, "INFO")]
    [TestCase(LogLevel.Warning, "WARN")]
    [TestCase(LogLevel.Error, "ERROR")]
    [TestCase(LogLevel.Critical, "FATAL")]
    public void EachDotNetLevelIsWrittenUnderLambdasName(LogLevel level, string lambdaName)
    {
        using var capture = LineCapture.Text();

        capture.Logger().Log(level, "At a level");

        Assert.That(capture.SingleLine().Split('\t')[2], Is.EqualTo(lambdaName));
    }

    [Test]
    public void AFullLineCarriesTheContextCategoryEventAndScopeFieldsInOrderThenTheException()
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger("Shop.Orders");
        var failure = new InvalidOperationException("card declined");

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = "Root=1-5759e988;Sampled=1", TenantId = "tenant-7" }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false, parentId: "ctx-1")))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-3", "charge-card", attempt: 2)))
        using (logger.BeginScope("outer batch"))
        using (logger.BeginScope(new Dictionary<string, object?> { ["CustomerId"] = "c-9", ["Retries"] = 1 }))
        using (logger.BeginScope("inner"))
        {
            logger.LogError(new EventId(42, "OrderFailed"), failure, "Order {OrderId} failed", 1234);
        }

        Assert.That(capture.SingleLine(), Is.EqualTo(
            $"{Timestamp}\treq-1\tERROR\tOrder 1234 failed" +
            " tenantId=tenant-7 traceId=\"Root=1-5759e988;Sampled=1\"" +
            $" executionArn={ExecutionArn} parentId=ctx-1 operationId=op-3 operationName=charge-card attempt=2" +
            " category=Shop.Orders eventId=42 eventName=OrderFailed" +
            " CustomerId=c-9 Retries=1 scopes=\"outer batch => inner\"" +
            "\rSystem.InvalidOperationException: card declined"));
    }

    [Test]
    public void AReplayedLineInMarkModeSaysSoBeforeTheCategory()
    {
        using var capture = LineCapture.Text(options => options.ReplayMode = ReplayMode.Mark);

        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: true)))
        {
            capture.Logger().LogInformation("Replayed");
        }

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tReplayed executionArn={ExecutionArn} replay=true category=Tests.Category"));
    }

    [Test]
    public void TemplateValuesAreInTheMessageAndNotRepeatedAsFields()
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation("Order {OrderId} for {Customer}", 7, "c-1");

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tOrder 7 for c-1 category=Tests.Category"));
    }

    [Test]
    public void ATemplateScopesValuesBecomeFields()
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger();

        using (logger.BeginScope("Order {OrderId}", 42))
        {
            logger.LogInformation("Charged");
        }

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tCharged category=Tests.Category OrderId=42"));
    }

    [Test]
    public void AnEventNameWithoutAnIdIsWrittenAlone()
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation(new EventId(0, "Started"), "Up");

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tUp category=Tests.Category eventName=Started"));
    }

    [Test]
    public void ScopeValuesAreWrittenInTheInvariantCulture()
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            using (logger.BeginScope(new Dictionary<string, object?>
            {
                ["Amount"] = 1234.5,
                ["At"] = new DateTimeOffset(2026, 7, 22, 10, 11, 12, TimeSpan.Zero),
                ["Paid"] = true,
                ["Day"] = new DateOnly(2026, 7, 22),
                ["Missing"] = null,
            }))
            {
                logger.LogInformation("Paid");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.That(capture.SingleLine(), Is.EqualTo(
            $"{Timestamp}\t\tINFO\tPaid category=Tests.Category Amount=1234.5 At=2026-07-22T10:11:12.0000000+00:00 Paid=true Day=2026-07-22 Missing=null"));
    }

    [TestCase("plain", "plain")]
    [TestCase("two words", "\"two words\"")]
    [TestCase("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [TestCase("a=b", "\"a=b\"")]
    [TestCase(@"C:\temp", "\"C:\\\\temp\"")]
    [TestCase("", "\"\"")]
    [TestCase("line1\nline2", "\"line1\rline2\"")]
    [TestCase("nul\0here", "\"nul\\u0000here\"")]
    [TestCase("escape\u001b[31m", "\"escape\\u001B[31m\"")]
    [TestCase("naïve €", "\"naïve €\"")]
    public void AValueWithASpaceQuoteEqualsSignBackslashOrControlCharacterIsQuotedAndEscaped(string value, string written)
    {
        using var capture = LineCapture.Text();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Value"] = value }))
        {
            logger.LogInformation("Quoted");
        }

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tQuoted category=Tests.Category Value={written}"));
    }

    [Test]
    public void AContextValueThatNeedsQuotesIsQuoted()
    {
        using var capture = LineCapture.Text();

        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false)))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge the \"card\"")))
        {
            capture.Logger("My Category").LogInformation("Quoted");
        }

        Assert.That(capture.SingleLine(), Is.EqualTo(
            $"{Timestamp}\t\tINFO\tQuoted executionArn={ExecutionArn} operationId=op-1 operationName=\"charge the \\\"card\\\"\" category=\"My Category\""));
    }

    [Test]
    public void NewlinesInTheMessageBecomeCarriageReturns()
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation("first\nsecond\r\nthird");

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tfirst\rsecond\r\rthird category=Tests.Category"));
    }

    [Test]
    public void OtherControlCharactersInTheMessageAreEscapedButTabsStay()
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation("bell\a nul\0 tab\tend");

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tbell\\u0007 nul\\u0000 tab\tend category=Tests.Category"));
    }

    [Test]
    public void NonAsciiTextIsWrittenAsUtf8()
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation("Grüße 😀 日本");

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tGrüße 😀 日本 category=Tests.Category"));
    }

    [Test]
    public void AnExceptionsNewlinesBecomeCarriageReturnsSoTheRecordStaysOneLine()
    {
        using var capture = LineCapture.Text();
        var failure = new InvalidOperationException("outer", new ArgumentException("inner"));

        capture.Logger().LogError(failure, "Failed");

        var expectedException = failure.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', '\r');
        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tERROR\tFailed category=Tests.Category\r{expectedException}"));
    }

    [Test]
    public void ScopesAreLeftOutWhenIncludeScopesIsOff()
    {
        using var capture = LineCapture.Text(options => options.IncludeScopes = false);
        var logger = capture.Logger();

        using (logger.BeginScope("plain"))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Key"] = 1 }))
        {
            logger.LogInformation("Unscoped");
        }

        Assert.That(capture.SingleLine(), Is.EqualTo($"{Timestamp}\t\tINFO\tUnscoped category=Tests.Category"));
    }
}
