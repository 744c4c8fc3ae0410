using System;
using System.Collections.Generic;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// <see cref="FieldNaming"/> names the provider's own fields; the caller's template and scope values keep
/// the names the caller gave them.
/// </summary>
[TestFixture]
public class FieldNamingTests
{
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    [Test]
    public void SnakeCaseNamesEveryFieldThatHasTwoWords()
    {
        using var capture = LineCapture.Json(options => options.FieldNaming = FieldNaming.SnakeCase);

        LogEverything(capture);

        var record = capture.SingleJson();
        Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence(
            "timestamp", "level", "request_id", "tenant_id", "trace_id",
            "execution_arn", "parent_id", "operation_id", "operation_name", "attempt",
            "category", "event_id", "event_name", "message",
            "OrderId", "CustomerId", "scopes",
            "error_type", "error_message", "stack_trace")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "request_id"), Is.EqualTo("req-1"));
            Assert.That(JsonLine.String(record, "execution_arn"), Is.EqualTo(ExecutionArn));
            Assert.That(JsonLine.String(record, "parent_id"), Is.EqualTo("ctx-1"));
            Assert.That(JsonLine.String(record, "operation_id"), Is.EqualTo("op-3"));
            Assert.That(JsonLine.String(record, "operation_name"), Is.EqualTo("charge-card"));
            Assert.That(record.GetProperty("event_id").GetInt32(), Is.EqualTo(42));
            Assert.That(JsonLine.String(record, "error_type"), Is.EqualTo("System.InvalidOperationException"));
            Assert.That(JsonLine.String(record, "error_message"), Is.EqualTo("declined"));
            Assert.That(JsonLine.StringArray(record, "stack_trace"), Is.EqualTo(Expected.Sequence("System.InvalidOperationException: declined")));
        }
    }

    [Test]
    public void CamelCaseIsTheDefaultAndMatchesLambdasOwnNames()
    {
        using var capture = LineCapture.Json();

        LogEverything(capture);

        Assert.That(JsonLine.Keys(capture.SingleJson()), Is.EqualTo(Expected.Sequence(
            "timestamp", "level", "requestId", "tenantId", "traceId",
            "executionArn", "parentId", "operationId", "operationName", "attempt",
            "category", "eventId", "eventName", "message",
            "OrderId", "CustomerId", "scopes",
            "errorType", "errorMessage", "stackTrace")));
    }

    [Test]
    public void SnakeCaseNamesTheTextFormatsFieldsToo()
    {
        using var capture = LineCapture.Text(options => options.FieldNaming = FieldNaming.SnakeCase);

        LogEverything(capture);

        var line = capture.SingleLine();
        Assert.That(line, Does.StartWith(
            "2026-07-22T10:11:12.345Z\treq-1\tERROR\tOrder 1234 failed tenant_id=tenant-7 trace_id=\"Root=1-abc\" " +
            $"execution_arn={ExecutionArn} parent_id=ctx-1 operation_id=op-3 operation_name=charge-card attempt=2 " +
            "category=Shop.Orders event_id=42 event_name=OrderFailed CustomerId=c-9 scopes=batch\r"));
    }

    private static void LogEverything(LineCapture capture)
    {
        var logger = capture.Logger("Shop.Orders");
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = "Root=1-abc", TenantId = "tenant-7" }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false, parentId: "ctx-1")))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-3", "charge-card", attempt: 2)))
        using (logger.BeginScope(new Dictionary<string, object?> { ["CustomerId"] = "c-9" }))
        using (logger.BeginScope("batch"))
        {
            logger.LogError(new EventId(42, "OrderFailed"), new InvalidOperationException("declined"), "Order {OrderId} failed", 1234);
        }
    }
}
