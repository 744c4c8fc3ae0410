using System;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Workload;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Correlation;

/// <summary>
/// The correlation fields' own part of a JSON line, without the rest of the call, whose noise on a shared machine
/// hides a difference of nanoseconds: each benchmark writes the activity ids and the Powertools fields of one record
/// into a fresh JSON object in a reused render buffer. The baseline is the default options outside an activity
/// (nothing to write; the cost of asking); then <c>IncludeActivityIds</c> off, inside an activity, and with
/// <c>PowertoolsFields</c>. The setup checks that each writes the fields it should, and only those.
/// </summary>
[SteadyStateJob]
public class CorrelationWriterBenchmarks
{
    private static readonly CorrelationFields s_defaults = new(activityIds: true, powertools: false, "orders", FieldNaming.CamelCase);
    private static readonly CorrelationFields s_idsOff = new(activityIds: false, powertools: false, "orders", FieldNaming.CamelCase);
    private static readonly CorrelationFields s_powertools = new(activityIds: true, powertools: true, "orders", FieldNaming.CamelCase);

    private readonly RenderBuffer _buffer = RenderBuffer.Rent();
    private readonly RecordLimits _limits = RecordLimits.Untruncated(DurableLoggerOptions.DefaultMaxRecordBytes);
    private LogRecord _record;
    private Activity? _activity;

    [GlobalSetup(Targets = new[] { nameof(Defaults), nameof(ActivityIdsOff), nameof(PowertoolsFields) })]
    public void SetupOutsideActivity() => Setup(activity: false);

    [GlobalSetup(Targets = new[] { nameof(InsideActivity), nameof(PowertoolsFieldsInsideActivity) })]
    public void SetupInsideActivity() => Setup(activity: true);

    [Benchmark(Baseline = true, Description = "defaults, no activity: nothing written")]
    public int Defaults() => Write(s_defaults);

    [Benchmark(Description = "IncludeActivityIds off: nothing written")]
    public int ActivityIdsOff() => Write(s_idsOff);

    [Benchmark(Description = "inside an activity: otelTraceId, otelSpanId")]
    public int InsideActivity() => Write(s_defaults);

    [Benchmark(Description = "PowertoolsFields: six fields")]
    public int PowertoolsFields() => Write(s_powertools);

    [Benchmark(Description = "PowertoolsFields, inside an activity: eight fields")]
    public int PowertoolsFieldsInsideActivity() => Write(s_powertools);

    [GlobalCleanup]
    public void Cleanup()
    {
        _activity?.Dispose();
        RenderBuffer.Return(_buffer);
    }

    private void Setup(bool activity)
    {
        var invocation = new LambdaInvocation("req-1")
        {
            FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:order-workflow:live",
            Function = new LambdaFunctionIdentity { FunctionName = "order-workflow", FunctionVersion = "$LATEST", MemorySizeMB = 512 },
        };
        _record = new LogRecord(DateTimeOffset.UnixEpoch, LogLevel.Information, "Orders", default, "charged", null, new AmbientFrame(invocation, null, null), false, RecordFields.None);
        _activity = activity ? new Activity("order-workflow").SetIdFormat(ActivityIdFormat.W3C).Start() : null;

        Require(s_defaults, activity ? 2 : 0);
        Require(s_idsOff, 0);
        Require(s_powertools, activity ? 8 : 6);
    }

    private void Require(CorrelationFields correlation, int fields)
    {
        Write(correlation);
        var written = System.Text.Json.JsonDocument.Parse(_buffer.WrittenSpan.ToArray()).RootElement.EnumerateObject();
        var count = 0;
        foreach (var unused in written)
        {
            count++;
        }

        if (count != fields)
        {
            throw SanityChecks.Failed($"Expected {fields} correlation fields, the writers wrote {count}: {System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan)}");
        }
    }

    private int Write(CorrelationFields correlation)
    {
        _buffer.Reset();
        var writer = _buffer.StartJson();
        writer.WriteStartObject();
        CorrelationJson.WriteActivityIds(writer, correlation, _record.Fields);
        CorrelationJson.WritePowertoolsFields(writer, correlation, in _record, _limits, _buffer);
        writer.WriteEndObject();
        writer.Flush();
        return _buffer.WrittenCount;
    }
}
