using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Correlation;

/// <summary>
/// Through the local runner, over an execution of three invocations: each line carries the trace of the invocation
/// that wrote it (the activity a tracer starts per invocation, and the X-Ray header), replayed code writes nothing,
/// and with Powertools' fields only the process's first invocation can be a cold start.
/// </summary>
[TestFixture]
[NonParallelizable]
public class CorrelationAcrossInvocationsTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string XRayHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    private string? _originalTraceHeader;

    [SetUp]
    public void SetTraceHeader()
    {
        _originalTraceHeader = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID");
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", XRayHeader);
    }

    [TearDown]
    public void RestoreTraceHeader() => Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", _originalTraceHeader);

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task EachLineCarriesTheSpanOfTheInvocationThatWroteIt(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var spans = new Dictionary<string, string>();

        var result = await runner.RunAsync<string, string>("ord-1", Workflow(runner.LoggerFactory.CreateLogger("Orders"), spans), cancellationToken);

        var lines = result.Invocations.SelectMany(invocation => invocation.Lines.Select(line => (invocation.RequestId, Record: JsonDocument.Parse(line).RootElement))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            Assert.That(lines.Select(line => line.Record.GetProperty("message").GetString()), Is.EqualTo(new[] { "received", "reviewed", "shipped" }), "replayed code writes nothing");
            Assert.That(spans.Values, Is.Unique.And.Count.EqualTo(3), "one span per invocation");
            foreach (var (requestId, record) in lines)
            {
                Assert.That(record.GetProperty("requestId").GetString(), Is.EqualTo(requestId));
                Assert.That(record.GetProperty("otelSpanId").GetString(), Is.EqualTo(spans[requestId]));
                Assert.That(record.GetProperty("otelTraceId").GetString(), Is.EqualTo(TraceId));
                Assert.That(record.GetProperty("traceId").GetString(), Is.EqualTo(XRayHeader));
            }
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task WithPowertoolsFieldsOnlyTheFirstInvocationCanBeAColdStart(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            ConfigureLogging = builder => builder.Services.Configure<DurableLoggerOptions>(options =>
            {
                options.PowertoolsFields = true;
                options.Service = "orders";
                options.FieldNaming = FieldNaming.SnakeCase;
            }),
        });

        var result = await runner.RunAsync<string, string>("ord-1", Workflow(runner.LoggerFactory.CreateLogger("Orders"), []), cancellationToken);

        var records = result.Invocations.Select(invocation => invocation.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(records.SelectMany(lines => lines).Select(record => record.GetProperty("service").GetString()), Is.All.EqualTo("orders"));
            Assert.That(records.Skip(1).SelectMany(lines => lines).Select(record => record.GetProperty("cold_start").GetBoolean()), Is.All.False);
            Assert.That(records.Select(lines => lines.Count), Is.EqualTo(new[] { 1, 1, 1 }));
            Assert.That(records[0][0].GetProperty("cold_start").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
        });
    }

    private static Func<string, IDurableContext, Task<string>> Workflow(ILogger logger, Dictionary<string, string> spans) => async (orderId, context) =>
    {
        // A tracer (OpenTelemetry's Lambda instrumentation) starts one span per invocation, under the caller's trace.
        using var span = new Activity("invocation").SetIdFormat(ActivityIdFormat.W3C)
            .SetParentId(ActivityTraceId.CreateFromString(TraceId), ActivitySpanId.CreateFromString("00f067aa0ba902b7"), ActivityTraceFlags.Recorded)
            .Start();
        spans[context.Invocation.RequestId] = span.SpanId.ToHexString();

        logger.LogInformation("received");
        await context.WaitAsync(TimeSpan.FromMinutes(10), "review-window");
        logger.LogInformation("reviewed");
        await context.WaitAsync(TimeSpan.FromDays(1), "ship-window");
        logger.LogInformation("shipped");
        return orderId;
    };
}
