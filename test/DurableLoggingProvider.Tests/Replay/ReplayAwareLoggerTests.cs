using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Replay;

/// <summary>Another logger behind <see cref="ReplayAwareLogger"/>: the same gate, and the durable fields as a scope in their one order.</summary>
[TestFixture]
public class ReplayAwareLoggerTests
{
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    [Test]
    public void TheDurableFieldsReachTheInnerLoggerAsOneScopeInTheirDocumentedOrder()
    {
        var inner = new FakeLogger();
        var logger = new ReplayAwareLogger(inner, ReplayMode.Mark);

        LogInsideAReplayingOperation(logger);

        var scope = DurableScope(inner.LatestRecord);
        Assert.That(scope.Select(field => field.Key), Is.EqualTo(Expected.Sequence("executionArn", "requestId", "parentId", "operationId", "operationName", "attempt", "replay")));
        Assert.That(scope.Select(field => field.Value), Is.EqualTo(Expected.Sequence<object?>(ExecutionArn, "req-1", "ctx-1", "op-1", "charge", 2, true)));
    }

    [Test]
    public void WithSnakeCaseNamingTheDurableFieldsAreNamedAsTheProviderNamesThem()
    {
        var inner = new FakeLogger();
        var logger = new ReplayAwareLogger(inner, ReplayMode.Mark, FieldNaming.SnakeCase);

        LogInsideAReplayingOperation(logger);

        Assert.That(
            DurableScope(inner.LatestRecord).Select(field => field.Key),
            Is.EqualTo(Expected.Sequence("execution_arn", "request_id", "parent_id", "operation_id", "operation_name", "attempt", "replay")));
    }

    [Test]
    public void UnderSuppressALineWrittenWhileReplayingNeverReachesTheInnerLogger()
    {
        var inner = new FakeLogger();
        var logger = new ReplayAwareLogger(inner, ReplayMode.Suppress, FieldNaming.SnakeCase);

        LogInsideAReplayingOperation(logger);

        Assert.That(inner.Collector.Count, Is.Zero);
    }

    [Test]
    public void AnUndefinedFieldNamingIsRefusedWithItsAllowedValues()
    {
        Assert.That(
            () => new ReplayAwareLogger(new FakeLogger(), ReplayMode.Emit, (FieldNaming)7),
            Throws.ArgumentException.With.Message.Contains("CamelCase, SnakeCase"));
    }

    /// <summary>The one key-value scope the line carried: the durable fields.</summary>
    private static List<KeyValuePair<string, object?>> DurableScope(FakeLogRecord record) =>
        record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().Single().ToList();

    private static void LogInsideAReplayingOperation(ILogger logger)
    {
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1")))
        using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: true, parentId: "ctx-1")))
        using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge", attempt: 2)))
        {
            logger.LogInformation("charged");
        }
    }
}
