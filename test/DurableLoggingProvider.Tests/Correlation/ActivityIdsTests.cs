using System.Diagnostics;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

// Placeholders are named like the line's own fields on purpose (CA1727), and each test logs its own message (CA2254).
#pragma warning disable CA1727, CA2254

namespace DurableLoggingProvider.Tests.Correlation;

/// <summary>
/// Inside an activity (the span OpenTelemetry tracks), every line carries its W3C trace and span ids, lowercase hex
/// as the W3C Trace Context spells them, beside the invocation's X-Ray <c>traceId</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ActivityIdsTests
{
    private const string W3CTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string ParentSpanId = "00f067aa0ba902b7";
    private const string XRayHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    [Test]
    public void AJsonLineInsideAnActivityCarriesItsTraceAndSpanIdsAfterTheXRayTrace()
    {
        using var capture = LineCapture.Json();

        var spanId = LogInsideActivity(capture.Logger("Orders"), "charged");

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(record, "traceId"), Is.EqualTo(XRayHeader));
            Assert.That(JsonLine.String(record, "otelTraceId"), Is.EqualTo(W3CTraceId));
            Assert.That(JsonLine.String(record, "otelSpanId"), Is.EqualTo(spanId));
            Assert.That(spanId, Has.Length.EqualTo(16).And.Not.EqualTo(ParentSpanId));
            Assert.That(JsonLine.Keys(record), Is.EqualTo(Expected.Sequence(
                "timestamp", "level", "requestId", "traceId", "otelTraceId", "otelSpanId", "executionArn", "category", "message")));
        });
    }

    [Test]
    public void ATextLineInsideAnActivityCarriesTheIdsAsKeyValuePairs()
    {
        using var capture = LineCapture.Text();

        var spanId = LogInsideActivity(capture.Logger("Orders"), "charged");

        Assert.That(capture.SingleLine(), Is.EqualTo(
            $"2026-07-22T10:11:12.345Z\treq-1\tINFO\tcharged traceId=\"{XRayHeader}\" otelTraceId={W3CTraceId} otelSpanId={spanId} " +
            "executionArn=arn:exec category=Orders"));
    }

    [Test]
    public void SnakeCaseNamesTheIdsAsTheRestOfTheLine()
    {
        using var capture = LineCapture.Json(options => options.FieldNaming = FieldNaming.SnakeCase);

        var spanId = LogInsideActivity(capture.Logger("Orders"), "charged");

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(record, "otel_trace_id"), Is.EqualTo(W3CTraceId));
            Assert.That(JsonLine.String(record, "otel_span_id"), Is.EqualTo(spanId));
        });
    }

    [Test]
    public void ALineOutsideAnyActivityIsUnchanged()
    {
        using var capture = LineCapture.Json();

        capture.Logger("Orders").LogInformation("no span");

        Assert.That(JsonLine.Keys(capture.SingleJson()), Is.EqualTo(Expected.Sequence("timestamp", "level", "category", "message")));
    }

    [Test]
    public void IncludeActivityIdsFalseLeavesTheIdsOff()
    {
        using var capture = LineCapture.Json(options => options.IncludeActivityIds = false);

        LogInsideActivity(capture.Logger("Orders"), "charged");

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(record.TryGetProperty("otelTraceId", out _), Is.False);
            Assert.That(record.TryGetProperty("otelSpanId", out _), Is.False);
            Assert.That(JsonLine.String(record, "traceId"), Is.EqualTo(XRayHeader));
        });
    }

    [Test]
    public void AnActivityWithAHierarchicalIdHasNoW3CIdsToWrite()
    {
        using var capture = LineCapture.Json();
        using var activity = new Activity("legacy").SetIdFormat(ActivityIdFormat.Hierarchical).Start();

        capture.Logger("Orders").LogInformation("legacy span");

        Assert.That(capture.SingleJson().TryGetProperty("otelTraceId", out _), Is.False);
    }

    [Test]
    public void ACallersValueOfTheSameNameTakesTheFieldsPlace()
    {
        using var capture = LineCapture.Json();
        using var activity = StartActivity();

        capture.Logger("Orders").LogInformation("span {otelSpanId}", "mine");

        var record = capture.SingleJson();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(record, "otelSpanId"), Is.EqualTo("mine"));
            Assert.That(JsonLine.RepeatedKeys(record), Is.Empty);
            Assert.That(JsonLine.String(record, "otelTraceId"), Is.EqualTo(W3CTraceId));
        });
    }

    [Test]
    public void EachLineCarriesTheActivityCurrentWhenItIsWritten()
    {
        using var capture = LineCapture.Json();
        var logger = capture.Logger("Orders");
        string outerSpan;
        string innerSpan;
        using (var outer = StartActivity())
        {
            outerSpan = outer.SpanId.ToHexString();
            using (var inner = new Activity("inner").Start())
            {
                innerSpan = inner.SpanId.ToHexString();
                logger.LogInformation("inner");
            }

            logger.LogInformation("outer");
        }

        var records = capture.Lines().Select(JsonLine.Parse).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(records[0], "otelSpanId"), Is.EqualTo(innerSpan));
            Assert.That(JsonLine.String(records[1], "otelSpanId"), Is.EqualTo(outerSpan));
            Assert.That(JsonLine.String(records[0], "otelTraceId"), Is.EqualTo(W3CTraceId));
            Assert.That(innerSpan, Is.Not.EqualTo(outerSpan));
        });
    }

    [Test]
    public void AHostsActivityTrackingScopeIsKeptApartFromTheLinesOwnTraceId()
    {
        using var logging = new TestLogging(
            options => options.Format = DurableLogFormat.Json,
            builder => builder.Configure(factory => factory.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId));

        var spanId = LogInsideActivity(logging.Logger("Orders"), "charged");

        var record = logging.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(JsonLine.String(record, "traceId"), Is.EqualTo(XRayHeader));
            Assert.That(JsonLine.String(record, "TraceId_1"), Is.EqualTo(W3CTraceId));
            Assert.That(JsonLine.String(record, "SpanId"), Is.EqualTo(spanId));
            Assert.That(JsonLine.String(record, "otelSpanId"), Is.EqualTo(spanId));
            Assert.That(JsonLine.RepeatedKeys(record), Is.Empty);
        });
    }

    internal static Activity StartActivity() =>
        new Activity("charge").SetIdFormat(ActivityIdFormat.W3C)
            .SetParentId(ActivityTraceId.CreateFromString(W3CTraceId), ActivitySpanId.CreateFromString(ParentSpanId), ActivityTraceFlags.Recorded)
            .Start();

    /// <summary>Writes one line in an invocation traced by X-Ray, in durable code, inside an activity; returns the activity's span id.</summary>
    private static string LogInsideActivity(ILogger logger, string message)
    {
        using var activity = StartActivity();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = XRayHeader }))
        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: false)))
        {
            logger.LogInformation(message);
        }

        return activity.SpanId.ToHexString();
    }
}
