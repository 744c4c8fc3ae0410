using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Correlation;

/// <summary>
/// Another provider behind the gate, or behind a <see cref="ReplayAwareLogger"/>, gets the trace with the durable
/// fields in its scope: the invocation's X-Ray <c>traceId</c>, and the activity's <c>otelTraceId</c> and <c>otelSpanId</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public class GatedTraceFieldsTests
{
    private const string XRayHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    [Test]
    public void AGatedProvidersLineCarriesTheTraceInItsDurableScope()
    {
        var collector = new FakeLogCollector();
        using var logging = new TestLogging(logging: builder => builder.AddProvider(new FakeLoggerProvider(collector)));

        var spanId = LogTraced(logging.Logger("Orders"));

        Assert.That(Fields(collector.LatestRecord), Is.EqualTo(new Dictionary<string, object?>
        {
            ["executionArn"] = "arn:exec",
            ["requestId"] = "req-1",
            ["traceId"] = XRayHeader,
            ["otelTraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
            ["otelSpanId"] = spanId,
        }));
    }

    [Test]
    public void TheGatesScopeFollowsTheFieldNamingAndIncludeActivityIds()
    {
        var collector = new FakeLogCollector();
        using var logging = new TestLogging(
            options =>
            {
                options.FieldNaming = FieldNaming.SnakeCase;
                options.IncludeActivityIds = false;
            },
            builder => builder.AddProvider(new FakeLoggerProvider(collector)));

        LogTraced(logging.Logger("Orders"));

        Assert.That(Fields(collector.LatestRecord), Is.EqualTo(new Dictionary<string, object?>
        {
            ["execution_arn"] = "arn:exec",
            ["request_id"] = "req-1",
            ["trace_id"] = XRayHeader,
        }));
    }

    [Test]
    public void AReplayAwareLoggersScopeCarriesTheTraceToo()
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(new FakeLoggerProvider(collector)));
        var logger = new ReplayAwareLogger(factory.CreateLogger("Orders"), ReplayMode.Suppress, FieldNaming.PascalCase);

        var spanId = LogTraced(logger);

        var fields = Fields(collector.LatestRecord);
        Assert.Multiple(() =>
        {
            Assert.That(fields["TraceId"], Is.EqualTo(XRayHeader));
            Assert.That(fields["OtelTraceId"], Is.EqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
            Assert.That(fields["OtelSpanId"], Is.EqualTo(spanId));
            Assert.That(fields["ExecutionArn"], Is.EqualTo("arn:exec"));
        });
    }

    [Test]
    public void TheDurableProvidersOwnLineHasEachTraceFieldOnce()
    {
        using var logging = new TestLogging(options => options.Format = DurableLogFormat.Json, builder => builder.AddProvider(new FakeLoggerProvider(new FakeLogCollector())));

        LogTraced(logging.Logger("Orders"));

        var record = logging.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.RepeatedKeys(record), Is.Empty);
            Assert.That(JsonLine.Keys(record).Count(key => key.Contains("race", System.StringComparison.Ordinal)), Is.EqualTo(2), "traceId and otelTraceId");
        });
    }

    private static Dictionary<string, object?> Fields(FakeLogRecord record) =>
        record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(scope => scope).ToDictionary(pair => pair.Key, pair => pair.Value);

    private static string LogTraced(ILogger logger)
    {
        using var activity = ActivityIdsTests.StartActivity();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = XRayHeader }))
        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: false)))
        {
            logger.LogInformation("charged");
        }

        return activity.SpanId.ToHexString();
    }
}
