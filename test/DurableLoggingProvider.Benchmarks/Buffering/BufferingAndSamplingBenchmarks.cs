using System;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Buffering;

/// <summary>
/// What buffering and sampling cost, in a live durable context inside an invocation. The baseline is the written
/// Information line with both off (the default); "off, Debug written" is the same at Debug. With buffering on: an
/// Information line, written through (the invocation holds lines, so it looks for them), and a Debug line held (rendered
/// and copied into the invocation's buffer, which is full, so the oldest is evicted each call). With sampling on: an
/// Information line in a sampled execution, and a Debug line of an execution that is not sampled, which is dropped
/// before anything is gathered. Setups check that the written cases write and the held or dropped ones do not.
/// </summary>
[SteadyStateJob]
public class BufferingAndSamplingBenchmarks
{
    private AmbientDurableContext? _context;
    private LoggerUnderTest? _logger;

    [GlobalSetup(Target = nameof(Off))]
    public void SetupOff() => Open("off", _ => { }, checkedLine: true);

    [GlobalSetup(Target = nameof(OffDebug))]
    public void SetupOffDebug()
    {
        _context = WorkloadFields.Enter(isReplaying: false);
        _logger = LoggerUnderTest.OpenChecked(
            "off, Debug",
            output => BufferedSetup.Build(output, _ => { }),
            durableFieldsAsScope: false,
            logger => DebugOrderLog.OrderChargedDebug(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency));
    }

    [GlobalSetup(Targets = new[] { nameof(BufferingWrittenThrough), nameof(BufferingHeld) })]
    public void SetupBuffering()
    {
        Open("buffering on", options => options.Buffering.Enabled = true, checkedLine: true);
        DebugOrderLog.OrderChargedDebug(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
    }

    [GlobalSetup(Target = nameof(SamplingSampled))]
    public void SetupSampled() => Open("sampling on, sampled", options => options.Sampling.Rate = 1, checkedLine: true);

    [GlobalSetup(Target = nameof(SamplingNotSampled))]
    public void SetupNotSampled()
    {
        // A rate just under this execution's place: sampling is on, and this execution is not sampled.
        var rate = ArnHash.Fraction(WorkloadFields.ExecutionArn) / 2;
        if (rate <= 0)
        {
            throw SanityChecks.Failed("The workload's execution falls at 0: no rate leaves it unsampled.");
        }

        Open("sampling on, not sampled", options => options.Sampling.Rate = rate, checkedLine: false);
    }

    [Benchmark(Baseline = true, Description = "off: Information written")]
    public void Off() => OrderLog.OrderCharged(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "off: Debug written")]
    public void OffDebug() => DebugOrderLog.OrderChargedDebug(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "buffering: Information written through")]
    public void BufferingWrittenThrough() => OrderLog.OrderCharged(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "buffering: Debug held")]
    public void BufferingHeld() => DebugOrderLog.OrderChargedDebug(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "sampling: Information, sampled execution")]
    public void SamplingSampled() => OrderLog.OrderCharged(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "sampling: Debug dropped, not sampled")]
    public void SamplingNotSampled() => DebugOrderLog.OrderChargedDebug(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [GlobalCleanup(Targets = new[] { nameof(Off), nameof(OffDebug), nameof(BufferingWrittenThrough), nameof(SamplingSampled) })]
    public void CleanupWritten() => Close(logger => logger.RequireIterationsWrote());

    [GlobalCleanup(Targets = new[] { nameof(BufferingHeld), nameof(SamplingNotSampled) })]
    public void CleanupNothingWritten() => Close(logger => logger.RequireIterationsWroteNothing());

    private void Open(string name, Action<DurableLoggerOptions> configure, bool checkedLine)
    {
        _context = WorkloadFields.Enter(isReplaying: false);
        _logger = checkedLine
            ? LoggerUnderTest.OpenChecked(name, output => BufferedSetup.Build(output, configure), durableFieldsAsScope: false)
            : LoggerUnderTest.Open(name, output => BufferedSetup.Build(output, configure), durableFieldsAsScope: false);
    }

    private void Close(Action<LoggerUnderTest> check)
    {
        try
        {
            if (_logger is not null)
            {
                check(_logger);
            }
        }
        finally
        {
            _logger?.Dispose();
            _context?.Dispose();
        }
    }
}
