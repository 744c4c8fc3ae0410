using System;
using System.Collections.Generic;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

// A placeholder is named like an own key on purpose (CA1727).
#pragma warning disable CA1727

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// <see cref="FieldNaming.PascalCase"/> capitalizes every key the provider adds, one-word keys too, as Powertools for
/// AWS Lambda (.NET) does with its PascalCase output case (<c>Timestamp</c>, <c>Level</c>, <c>Message</c>…); the
/// caller's names stay as given.
/// </summary>
[TestFixture]
public class PascalCaseNamingTests
{
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    [Test]
    public void EveryOwnKeyOfAJsonLineIsPascalCase()
    {
        using var capture = LineCapture.Json(options =>
        {
            options.FieldNaming = FieldNaming.PascalCase;
            options.ReplayMode = ReplayMode.Mark;
        });

        LogEverything(capture.Logger("Shop.Orders"));

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence(
                "Timestamp", "Level", "RequestId", "TenantId", "TraceId",
                "ExecutionArn", "ParentId", "OperationId", "OperationName", "Attempt", "Replay",
                "Category", "EventId", "EventName", "Message",
                "OrderId", "customerId", "Scopes",
                "ErrorType", "ErrorMessage", "StackTrace")));
            Assert.That(JsonLine.String(record, "Level"), Is.EqualTo("ERROR"));
            Assert.That(JsonLine.String(record, "ExecutionArn"), Is.EqualTo(ExecutionArn));
            Assert.That(record.GetProperty("Attempt").GetInt32(), Is.EqualTo(2));
            Assert.That(record.GetProperty("Replay").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void TheTextFormatsKeysArePascalCaseToo()
    {
        using var capture = LineCapture.Text(options => options.FieldNaming = FieldNaming.PascalCase);

        LogEverything(capture.Logger("Shop.Orders"), replaying: false);

        Assert.That(capture.SingleLine(), Does.StartWith(
            "2026-07-22T10:11:12.345Z\treq-1\tERROR\tOrder 1234 failed TenantId=tenant-7 TraceId=\"Root=1-abc\" " +
            $"ExecutionArn={ExecutionArn} ParentId=ctx-1 OperationId=op-3 OperationName=charge-card Attempt=2 " +
            "Category=Shop.Orders EventId=42 EventName=OrderFailed customerId=c-9 Scopes=batch\r"));
    }

    [Test]
    public void ACallersLowerCaseMessageIsStillNotASecondMessageKey()
    {
        using var capture = LineCapture.Json(options => options.FieldNaming = FieldNaming.PascalCase);

        capture.Logger("Shop.Orders").LogInformation("said {message}", "hi");

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(record, "Message"), Is.EqualTo("said hi"));
            Assert.That(record.TryGetProperty("message", out _), Is.False, "an own key is taken in any case");
        });
    }

    private static void LogEverything(ILogger logger, bool replaying = true)
    {
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = "Root=1-abc", TenantId = "tenant-7" }))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: replaying, parentId: "ctx-1")))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-3", "charge-card", attempt: 2)))
        using (logger.BeginScope(new Dictionary<string, object?> { ["customerId"] = "c-9" }))
        using (logger.BeginScope("batch"))
        {
            logger.LogError(new EventId(42, "OrderFailed"), new InvalidOperationException("declined"), "Order {OrderId} failed", 1234);
        }
    }
}
