using System;
using System.Collections.Generic;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>The JSON line, key by key and in order, as the spec's "JSON format" section describes it.</summary>
[TestFixture]
public class LambdaJsonFormatTests
{
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";
    private const string TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    [Test]
    public void AFullRecordCarriesLambdasKeysFirstThenTheDurableFieldsThenTheCallersValuesThenTheError()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger("Shop.Orders");
        var failure = new InvalidOperationException("card declined");
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = TraceHeader, TenantId = "tenant-7" }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false, parentId: "ctx-1")))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-3", "charge-card", attempt: 2)))
        using (logger.BeginScope(new Dictionary<string, object?> { ["CustomerId"] = "c-9" }))
        using (logger.BeginScope("batch 12"))
        {
            logger.LogError(new EventId(42, "OrderFailed"), failure, "Order {OrderId} failed", 1234);
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence(
            "timestamp", "level", "requestId", "tenantId", "traceId",
            "executionArn", "parentId", "operationId", "operationName", "attempt",
            "category", "eventId", "eventName", "message",
            "OrderId", "CustomerId", "scopes",
            "errorType", "errorMessage", "stackTrace")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "timestamp"), Is.EqualTo("2026-07-22T10:11:12.345Z"));
            Assert.That(JsonLine.String(record, "level"), Is.EqualTo("ERROR"));
            Assert.That(JsonLine.String(record, "requestId"), Is.EqualTo("req-1"));
            Assert.That(JsonLine.String(record, "tenantId"), Is.EqualTo("tenant-7"));
            Assert.That(JsonLine.String(record, "traceId"), Is.EqualTo(TraceHeader));
            Assert.That(JsonLine.String(record, "executionArn"), Is.EqualTo(ExecutionArn));
            Assert.That(JsonLine.String(record, "parentId"), Is.EqualTo("ctx-1"));
            Assert.That(JsonLine.String(record, "operationId"), Is.EqualTo("op-3"));
            Assert.That(JsonLine.String(record, "operationName"), Is.EqualTo("charge-card"));
            Assert.That(record.GetProperty("attempt").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(record.GetProperty("attempt").GetInt32(), Is.EqualTo(2));
            Assert.That(JsonLine.String(record, "category"), Is.EqualTo("Shop.Orders"));
            Assert.That(record.GetProperty("eventId").GetInt32(), Is.EqualTo(42));
            Assert.That(JsonLine.String(record, "eventName"), Is.EqualTo("OrderFailed"));
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Order 1234 failed"));
            Assert.That(record.GetProperty("OrderId").GetInt32(), Is.EqualTo(1234));
            Assert.That(JsonLine.String(record, "CustomerId"), Is.EqualTo("c-9"));
            Assert.That(JsonLine.StringArray(record, "scopes"), Is.EqualTo(Expected.Sequence("batch 12")));
            Assert.That(JsonLine.String(record, "errorType"), Is.EqualTo("System.InvalidOperationException"));
            Assert.That(JsonLine.String(record, "errorMessage"), Is.EqualTo("card declined"));
            Assert.That(JsonLine.StringArray(record, "stackTrace"), Is.EqualTo(Expected.Sequence("System.InvalidOperationException: card declined")));
        }
    }

    [Test]
    public void ARecordOutsideAnyInvocationCarriesOnlyTheTimestampLevelCategoryAndMessage()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Started");

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message")));
        Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Started"));
    }

    [TestCase(LogLevel.Trace, "TRACE")]
    [TestCase(LogLevel.Debug, "DEBUG")]
    [TestCase(LogLevel.Information, "INFO")]
    [TestCase(LogLevel.Warning, "WARN")]
    [TestCase(LogLevel.Error, "ERROR")]
    [TestCase(LogLevel.Critical, "FATAL")]
    public void EachDotNetLevelIsWrittenUnderLambdasName(LogLevel level, string lambdaName)
    {
        using var capture = LineCapture.Json();

        capture.Logger().Log(level, "At a level");

        Assert.That(JsonLine.String(capture.SingleJson(), "level"), Is.EqualTo(lambdaName));
    }

    [Test]
    public void AnInvocationWithoutTraceOrTenantWritesOnlyTheRequestId()
    {
        using var capture = LineCapture.Json();

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-2") { TraceId = null }))
        {
            capture.Logger().LogInformation("In an invocation");
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "requestId", "category", "message")));
        Assert.That(JsonLine.String(record, "requestId"), Is.EqualTo("req-2"));
    }

    [Test]
    public void ARecordAfterTheInvocationEndsNoLongerCarriesItsRequestId()
    {
        using var capture = LineCapture.Json();

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-3") { TraceId = null }))
        {
            capture.Logger().LogInformation("Inside");
        }

        capture.Logger().LogInformation("Outside");

        var lines = capture.Lines();
        Assert.That(lines, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(JsonLine.Parse(lines[0]), "requestId"), Is.EqualTo("req-3"));
            Assert.That(JsonLine.Parse(lines[1]).TryGetProperty("requestId", out _), Is.False);
        }
    }

    [Test]
    public void TheRootContextWritesTheExecutionArnButNoParentId()
    {
        using var capture = LineCapture.Json();

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = null }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false)))
        {
            capture.Logger().LogInformation("At the root");
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "requestId", "executionArn", "category", "message")));
        Assert.That(JsonLine.String(record, "executionArn"), Is.EqualTo(ExecutionArn));
    }

    [Test]
    public void AChildContextWritesItsParentId()
    {
        using var capture = LineCapture.Json();
        var root = new DurableContextState(ExecutionArn, isReplaying: false);

        using (DurableLogContext.EnterContext(root.CreateChild("child-op-7")))
        {
            capture.Logger().LogInformation("In a child");
        }

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "executionArn"), Is.EqualTo(ExecutionArn));
            Assert.That(JsonLine.String(record, "parentId"), Is.EqualTo("child-op-7"));
        }
    }

    [Test]
    public void AnOperationWithoutNameOrAttemptWritesOnlyItsId()
    {
        using var capture = LineCapture.Json();

        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false)))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-9")))
        {
            capture.Logger().LogInformation("In an operation");
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "executionArn", "operationId", "category", "message")));
        Assert.That(JsonLine.String(record, "operationId"), Is.EqualTo("op-9"));
    }

    [Test]
    public void AReplayedRecordInMarkModeSaysSoAfterTheDurableFields()
    {
        using var capture = LineCapture.Json(options => options.ReplayMode = ReplayMode.Mark);

        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: true)))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "step", attempt: 1)))
        {
            capture.Logger().LogInformation("Replayed");
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence(
            "timestamp", "level", "executionArn", "operationId", "operationName", "attempt", "replay", "category", "message")));
        Assert.That(record.GetProperty("replay").ValueKind, Is.EqualTo(JsonValueKind.True));
    }

    [Test]
    public void TheCategoryHasItsOwnKeyAndStaysOutOfTheMessage()
    {
        using var capture = LineCapture.Json();

        capture.Logger("Shop.Payments.CardGateway").LogInformation("Charged");

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "category"), Is.EqualTo("Shop.Payments.CardGateway"));
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Charged"));
        }
    }

    [Test]
    public void AnEventIdWithANameWritesBoth()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation(new EventId(7, "Shipped"), "Parcel left");

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "eventId", "eventName", "message")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.GetProperty("eventId").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(record.GetProperty("eventId").GetInt32(), Is.EqualTo(7));
            Assert.That(JsonLine.String(record, "eventName"), Is.EqualTo("Shipped"));
        }
    }

    [Test]
    public void AnEventIdWithoutANameWritesOnlyTheId()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation(new EventId(8), "Parcel left");

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "eventId", "message")));
        Assert.That(record.GetProperty("eventId").GetInt32(), Is.EqualTo(8));
    }

    [Test]
    public void TheMessageIsTheRenderedTemplateAndEachPlaceholderIsATopLevelKeyInTemplateOrder()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("User {UserId} bought {Count} of {Sku}", "u-1", 3, "SKU-9");

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message", "UserId", "Count", "Sku")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("User u-1 bought 3 of SKU-9"));
            Assert.That(JsonLine.String(record, "UserId"), Is.EqualTo("u-1"));
            Assert.That(record.GetProperty("Count").GetInt32(), Is.EqualTo(3));
            Assert.That(JsonLine.String(record, "Sku"), Is.EqualTo("SKU-9"));
        }
    }

    [Test]
    public void TheTemplateItselfIsNotWrittenAsAField()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Order {OrderId}", 5);

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Does.Not.Contain("{OriginalFormat}"));
    }

    [Test]
    public void ADictionaryScopeBecomesTypedFieldsAfterTheTemplateValues()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["TenantTier"] = "gold", ["Region"] = 3 }))
        {
            logger.LogInformation("Order {OrderId}", 5);
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message", "OrderId", "TenantTier", "Region")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "TenantTier"), Is.EqualTo("gold"));
            Assert.That(record.GetProperty("Region").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(record.GetProperty("Region").GetInt32(), Is.EqualTo(3));
        }
    }

    [Test]
    public void AScopeOfStringPairsBecomesFields()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, string?> { ["Source"] = "queue", ["Missing"] = null }))
        {
            logger.LogInformation("Received");
        }

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "Source"), Is.EqualTo("queue"));
            Assert.That(record.GetProperty("Missing").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public void ATemplateScopeBecomesFieldsWithoutItsTemplate()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope("Order {OrderId}", 42))
        {
            logger.LogInformation("Charged");
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message", "OrderId")));
        Assert.That(record.GetProperty("OrderId").GetInt32(), Is.EqualTo(42));
    }

    [Test]
    public void AnInnerScopesValueWinsOverAnOuterScopesValueOfTheSameName()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Step"] = "outer", ["Outer"] = true }))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Step"] = "inner" }))
        {
            logger.LogInformation("Nested");
        }

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "Step"), Is.EqualTo("inner"));
            Assert.That(record.GetProperty("Outer").ValueKind, Is.EqualTo(JsonValueKind.True));
            Assert.That(JsonLine.Keys(record), Does.Not.Contain("Step_1"));
        }
    }

    [Test]
    public void ATemplateValueWinsOverAScopeValueOfTheSameName()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope("Order {OrderId}", 1))
        {
            logger.LogInformation("Order {OrderId} replaced", 2);
        }

        var record = capture.SingleJson();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.GetProperty("OrderId").GetInt32(), Is.EqualTo(2));
            Assert.That(JsonLine.Keys(record), Does.Not.Contain("OrderId_1"));
        }
    }

    [Test]
    public void PlainScopesGoIntoAScopesArrayOutermostFirst()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope("outer"))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Key"] = 1 }))
        using (logger.BeginScope("inner"))
        {
            logger.LogInformation("Scoped");
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message", "Key", "scopes")));
        Assert.That(JsonLine.StringArray(record, "scopes"), Is.EqualTo(Expected.Sequence("outer", "inner")));
    }

    [Test]
    public void APlainScopeOfAnotherTypeIsWrittenAsItsInvariantText()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        using (logger.BeginScope(12.5))
        using (logger.BeginScope(new Uri("https://example.com/orders")))
        {
            logger.LogInformation("Scoped");
        }

        Assert.That(JsonLine.StringArray(capture.SingleJson(), "scopes"), Is.EqualTo(Expected.Sequence("12.5", "https://example.com/orders")));
    }

    [Test]
    public void ScopesAreLeftOutWhenIncludeScopesIsOff()
    {
        using var capture = LineCapture.Json(options => options.IncludeScopes = false);
        var logger = capture.Logger();

        using (logger.BeginScope("plain"))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Key"] = 1 }))
        {
            logger.LogInformation("Order {OrderId}", 3);
        }

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message", "OrderId")));
    }

    [Test]
    public void ARecordWithoutScopesHasNoScopesKey()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Unscoped");

        Assert.That(capture.SingleJson().TryGetProperty("scopes", out _), Is.False);
    }

    [Test]
    public void AStateWithoutATemplateIsWrittenAsItsValuesWithTheFormattersMessage()
    {
        using var capture = LineCapture.Json();
        var state = new List<KeyValuePair<string, object?>> { new("Amount", 12.5m), new("Currency", "EUR") };

        capture.Logger().Log(LogLevel.Information, default, state, null, (_, _) => "Paid");

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message", "Amount", "Currency")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Paid"));
            Assert.That(record.GetProperty("Amount").GetDecimal(), Is.EqualTo(12.5m));
            Assert.That(JsonLine.String(record, "Currency"), Is.EqualTo("EUR"));
        }
    }

    [Test]
    public void EachRecordIsOneObjectOnItsOwnLine()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger();

        logger.LogInformation("first");
        logger.LogWarning("second");
        logger.LogError("third");

        var lines = capture.Lines();
        Assert.That(lines, Has.Count.EqualTo(3));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(JsonLine.Parse(lines[0]), "message"), Is.EqualTo("first"));
            Assert.That(JsonLine.String(JsonLine.Parse(lines[1]), "message"), Is.EqualTo("second"));
            Assert.That(JsonLine.String(JsonLine.Parse(lines[2]), "message"), Is.EqualTo("third"));
        }
    }
}
