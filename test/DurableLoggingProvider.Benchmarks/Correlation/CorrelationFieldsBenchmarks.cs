using System;
using System.Diagnostics;
using System.IO;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Correlation;

/// <summary>
/// What the correlation fields cost on a written JSON line: the baseline is the default options outside any activity
/// (what every existing configuration writes); beside it the same with <c>IncludeActivityIds</c> off (the cost of
/// looking for an activity when there is none), a line inside an activity (its W3C trace and span ids), a line with
/// <c>PowertoolsFields</c>, and both. Each setup checks its line is JSON with the fields it should carry, and each
/// cleanup that the iterations wrote lines of that line's length: the activity started in the setup is the one the
/// iterations ran in.
/// </summary>
[SteadyStateJob]
public class CorrelationFieldsBenchmarks
{
    private AmbientDurableContext? _context;
    private Activity? _activity;
    private LoggerUnderTest? _logger;

    [GlobalSetup(Target = nameof(Defaults))]
    public void SetupDefaults() => Open("defaults, no activity", activity: false, options => { }, mustCarry: null);

    [GlobalSetup(Target = nameof(ActivityIdsOff))]
    public void SetupActivityIdsOff() => Open("IncludeActivityIds off, no activity", activity: false, options => options.IncludeActivityIds = false, mustCarry: null);

    [GlobalSetup(Target = nameof(InsideActivity))]
    public void SetupInsideActivity() => Open("inside an activity", activity: true, options => { }, mustCarry: "\"otelSpanId\":");

    [GlobalSetup(Target = nameof(PowertoolsFields))]
    public void SetupPowertoolsFields() => Open("PowertoolsFields", activity: false, options => options.PowertoolsFields = true, mustCarry: "\"coldStart\":");

    [GlobalSetup(Target = nameof(PowertoolsFieldsInsideActivity))]
    public void SetupPowertoolsFieldsInsideActivity() =>
        Open("PowertoolsFields, inside an activity", activity: true, options => options.PowertoolsFields = true, mustCarry: "\"otelSpanId\":");

    [Benchmark(Baseline = true, Description = "defaults, no activity")]
    public void Defaults() => Write();

    [Benchmark(Description = "IncludeActivityIds off, no activity")]
    public void ActivityIdsOff() => Write();

    [Benchmark(Description = "inside an activity: otelTraceId, otelSpanId")]
    public void InsideActivity() => Write();

    [Benchmark(Description = "PowertoolsFields")]
    public void PowertoolsFields() => Write();

    [Benchmark(Description = "PowertoolsFields, inside an activity")]
    public void PowertoolsFieldsInsideActivity() => Write();

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            _logger?.RequireIterationsWrote();
        }
        finally
        {
            _logger?.Dispose();
            _activity?.Dispose();
            _context?.Dispose();
        }
    }

    private void Write() => OrderLog.OrderCharged(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    private void Open(string name, bool activity, Action<DurableLoggerOptions> configure, string? mustCarry)
    {
        _context = WorkloadFields.Enter(isReplaying: false);
        _activity = activity ? new Activity("order-workflow").SetIdFormat(ActivityIdFormat.W3C).Start() : null;
        Func<Stream, ServiceProvider> build = output => OursSetup.Build(output, DurableLogFormat.Json, configure: configure);
        var line = System.Text.Encoding.UTF8.GetString(LoggerUnderTest.WriteOneLine(build, durableFieldsAsScope: false, Write));
        if (mustCarry is not null && !line.Contains(mustCarry, StringComparison.Ordinal))
        {
            throw SanityChecks.Failed($"{name}: the line does not carry {mustCarry}: {line}");
        }

        if (mustCarry is null && (line.Contains("\"otelSpanId\":", StringComparison.Ordinal) || line.Contains("\"coldStart\":", StringComparison.Ordinal)))
        {
            throw SanityChecks.Failed($"{name}: the line carries correlation fields it should not: {line}");
        }

        _logger = LoggerUnderTest.OpenChecked(name, build, durableFieldsAsScope: false);
    }

    private static void Write(ILogger logger) => OrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
}
