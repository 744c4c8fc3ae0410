using System.Linq;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Floor;
using DurableLoggingProvider.Benchmarks.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// One enabled line with the durable fields, rendered as JSON into a stream that discards, from a
/// <c>[LoggerMessage]</c>-generated call site on an <c>ILogger&lt;T&gt;</c> of a real logger factory: ours (the
/// baseline, the durable fields read from the ambient context) against Microsoft.Extensions.Logging's JSON
/// console formatter, Serilog with its JSON formatter and NLog with a JSON layout (each given the durable
/// fields as one scope, pushed once). The console provider writes from a background queue, so its row times
/// the formatter itself: the <c>"json"</c> ConsoleFormatter that <c>AddJsonConsole</c> registers, its
/// <c>Write(in LogEntry, scopes, writer)</c> called on the logging thread into a StreamWriter over a
/// discarding stream, flushed per line. ZLogger 2.6.1 writes through <see cref="CallerThreadProcessor"/>,
/// which formats on the logging thread into a reused buffer (its own providers format on a background
/// thread), three ways: the same <c>[LoggerMessage]</c> call site, its own <c>[ZLoggerMessage]</c> generator
/// and its interpolated-string <c>ZLogInformation</c>. The floor is the same record written by hand
/// (<see cref="HandWrittenJsonLine"/>), checked to be ours' line byte for byte but for the timestamp. Ours
/// is measured twice: through the <c>[LoggerMessage]</c> call site and through <see cref="DurableLogMessage"/>.
/// One more row is not a line: MEL's share (<see cref="ValueReadingProvider"/>), the same call reaching a provider
/// that reads its values and writes nothing, the part of every MEL provider's time that MEL itself spends.
/// </summary>
[SteadyStateJob]
public class JsonLoggerComparisonBenchmarks
{
    private AmbientDurableContext? _context;
    private LoggerUnderTest? _ours;
    private LoggerUnderTest? _oursTyped;
    private LoggerUnderTest? _melJsonConsole;
    private LoggerUnderTest? _serilog;
    private LoggerUnderTest? _nlog;
    private LoggerUnderTest? _zlogger;
    private LoggerUnderTest? _zloggerGenerated;
    private LoggerUnderTest? _zloggerInterpolated;
    private FloorUnderTest? _floor;
    private ValueReadingProvider? _melShare;
    private ServiceProvider? _melShareServices;
    private ILogger? _melShareLogger;

    [GlobalSetup]
    public void Setup()
    {
        _context = WorkloadFields.Enter(isReplaying: false);
        _ours = LoggerUnderTest.OpenChecked("DurableLoggingProvider", output => OursSetup.Build(output, DurableLogFormat.Json), durableFieldsAsScope: false);
        _oursTyped = LoggerUnderTest.OpenChecked(
            "DurableLoggingProvider, DurableLogMessage", output => OursSetup.Build(output, DurableLogFormat.Json), durableFieldsAsScope: false,
            logger => OrderLog.OrderChargedTyped(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency, null));
        _melJsonConsole = LoggerUnderTest.OpenChecked("MEL JSON console formatter", MelJsonConsoleSetup.Build, durableFieldsAsScope: true);
        _serilog = LoggerUnderTest.OpenChecked("Serilog", SerilogJsonSetup.Build, durableFieldsAsScope: true);
        _nlog = LoggerUnderTest.OpenChecked("NLog", NLogJsonSetup.Build, durableFieldsAsScope: true);
        _zlogger = LoggerUnderTest.OpenChecked("ZLogger, [LoggerMessage]", ZLoggerSetup.Build, durableFieldsAsScope: true);
        _zloggerGenerated = LoggerUnderTest.OpenChecked(
            "ZLogger, [ZLoggerMessage]", ZLoggerSetup.Build, durableFieldsAsScope: true,
            logger => ZLoggerOrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency));
        _zloggerInterpolated = LoggerUnderTest.OpenChecked(
            "ZLogger, ZLogInformation", ZLoggerSetup.Build, durableFieldsAsScope: true,
            logger => ZLoggerOrderLog.OrderChargedInterpolated(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency));
        _floor = FloorUnderTest.OpenChecked(DurableLogFormat.Json);
        _melShare = new ValueReadingProvider();
        _melShareServices = new ServiceCollection().AddLogging(builder => builder.AddProvider(_melShare)).BuildServiceProvider();
        _melShareLogger = _melShareServices.GetRequiredService<ILogger<OrderWorkflow>>();
        MelShare();
        if (_melShare.Calls != 1 || _melShare.Mismatches != 0)
        {
            throw SanityChecks.Failed($"The value-reading provider saw {_melShare.Calls} calls and {_melShare.Mismatches} mismatches for one call.");
        }
    }

    [Benchmark(Baseline = true, Description = "DurableLoggingProvider")]
    public void Ours() => OrderLog.OrderCharged(_ours!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "ours, DurableLogMessage (opt-in)")]
    public void OursTyped() => OrderLog.OrderChargedTyped(_oursTyped!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency, null);

    [Benchmark(Description = "MEL JSON console formatter")]
    public void MelJsonConsole() => OrderLog.OrderCharged(_melJsonConsole!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "Serilog, JsonFormatter")]
    public void SerilogJson() => OrderLog.OrderCharged(_serilog!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "NLog, JsonLayout")]
    public void NLogJson() => OrderLog.OrderCharged(_nlog!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "ZLogger, [LoggerMessage]")]
    public void ZLoggerLoggerMessage() => OrderLog.OrderCharged(_zlogger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "ZLogger, [ZLoggerMessage]")]
    public void ZLoggerGenerated() => ZLoggerOrderLog.OrderCharged(_zloggerGenerated!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "ZLogger, ZLogInformation($\"...\")")]
    public void ZLoggerInterpolated() =>
        ZLoggerOrderLog.OrderChargedInterpolated(_zloggerInterpolated!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "floor: by hand, Utf8JsonWriter")]
    public void HandWritten() => _floor!.Json.Write(OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "MEL's share: a provider that reads the values, writes nothing")]
    public void MelShare() => OrderLog.OrderCharged(_melShareLogger!, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [GlobalCleanup(Target = nameof(MelShare))]
    public void CleanupMelShare()
    {
        try
        {
            if (_melShare is not { Calls: > 1, Mismatches: 0 })
            {
                throw SanityChecks.Failed(
                    $"The value-reading provider saw {_melShare?.Calls} calls, {_melShare?.Mismatches} of them with other values than the template's.");
            }

            if (Writers().FirstOrDefault(writer => writer!.Writes > 0) is { } wrote)
            {
                throw SanityChecks.Failed($"{wrote.Name} wrote a line during the row that writes none.");
            }
        }
        finally
        {
            DisposeAll();
        }
    }

    [GlobalCleanup(Targets = new[]
    {
        nameof(Ours), nameof(OursTyped), nameof(MelJsonConsole), nameof(SerilogJson), nameof(NLogJson),
        nameof(ZLoggerLoggerMessage), nameof(ZLoggerGenerated), nameof(ZLoggerInterpolated), nameof(HandWritten),
    })]
    public void CleanupWriters()
    {
        try
        {
            LoggerUnderTest.RequireExactlyOneWrote(Writers());
        }
        finally
        {
            DisposeAll();
        }
    }

    private IWriterUnderTest?[] Writers() =>
        [_ours, _oursTyped, _melJsonConsole, _serilog, _nlog, _zlogger, _zloggerGenerated, _zloggerInterpolated, _floor];

    private void DisposeAll()
    {
        _melShareServices?.Dispose();
        _zloggerInterpolated?.Dispose();
        _zloggerGenerated?.Dispose();
        _zlogger?.Dispose();
        _nlog?.Dispose();
        _serilog?.Dispose();
        _melJsonConsole?.Dispose();
        _oursTyped?.Dispose();
        _ours?.Dispose();
        _context?.Dispose();
    }
}
