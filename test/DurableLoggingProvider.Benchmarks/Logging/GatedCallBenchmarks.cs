using System;
using BenchmarkDotNet.Attributes;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Logging;

/// <summary>
/// What ours costs when it writes nothing: a call below the level the logger factory lets through, and a
/// call made while the durable context replays, which the replay gate suppresses. Each through a
/// <c>[LoggerMessage]</c>-generated call site and through the plain <c>LogInformation</c> extension method,
/// which packs its values into an object array before anything is checked. The baseline is the same
/// generated call in a live context, written as JSON to a stream that discards. Each setup checks that its
/// calls write nothing, and each cleanup that the iterations wrote nothing either: the replaying context
/// entered in the setup is the one the iterations ran in. MEL's floor is the same generated call on a logger
/// factory with no provider at all: what a call costs that no provider is asked about; and the same call on a
/// factory whose one provider answers false to everything: what MEL costs when it must ask a provider, as it
/// must ask ours when the gate, not the level, keeps a line out.
/// </summary>
[SteadyStateJob]
public class GatedCallBenchmarks
{
    private AmbientDurableContext? _context;
    private LoggerUnderTest? _logger;
    private ServiceProvider? _noProvider;
    private ILogger? _melFloor;
    private ServiceProvider? _askedProvider;
    private ILogger? _askedFloor;

    [GlobalSetup(Target = nameof(Written))]
    public void SetupWritten()
    {
        _context = WorkloadFields.Enter(isReplaying: false);
        _logger = LoggerUnderTest.OpenChecked("DurableLoggingProvider", output => OursSetup.Build(output, DurableLogFormat.Json), durableFieldsAsScope: false);
    }

    [GlobalSetup(Targets = new[] { nameof(LevelDisabledGenerated), nameof(LevelDisabledExtension) })]
    public void SetupLevelDisabled()
    {
        _context = WorkloadFields.Enter(isReplaying: false);
        RequireNothingWritten(LogLevel.Warning, "Information is below the factory's minimum level, Warning");
        _logger = LoggerUnderTest.Open(
            "DurableLoggingProvider, level disabled", output => OursSetup.Build(output, DurableLogFormat.Json, LogLevel.Warning), durableFieldsAsScope: false);
    }

    [GlobalSetup(Targets = new[] { nameof(ReplaySuppressedGenerated), nameof(ReplaySuppressedExtension) })]
    public void SetupReplaySuppressed()
    {
        _context = WorkloadFields.Enter(isReplaying: true);
        RequireNothingWritten(LogLevel.Information, "the durable context replays and the replay mode is Suppress");
        _logger = LoggerUnderTest.Open(
            "DurableLoggingProvider, replay suppressed", output => OursSetup.Build(output, DurableLogFormat.Json), durableFieldsAsScope: false);
    }

    [GlobalSetup(Target = nameof(MelFloorGenerated))]
    public void SetupMelFloor()
    {
        _noProvider = new ServiceCollection().AddLogging().BuildServiceProvider();
        _melFloor = _noProvider.GetRequiredService<ILogger<OrderWorkflow>>();
        if (_melFloor.IsEnabled(LogLevel.Information))
        {
            throw SanityChecks.Failed("A logger factory with no provider says Information is enabled: MEL's floor would not be its floor.");
        }
    }

    [GlobalSetup(Target = nameof(OneProviderAskedGenerated))]
    public void SetupOneProviderAsked()
    {
        _askedProvider = new ServiceCollection()
            .AddLogging(builder => builder.AddProvider(new NeverEnabledProvider()))
            .BuildServiceProvider();
        _askedFloor = _askedProvider.GetRequiredService<ILogger<OrderWorkflow>>();
        if (_askedFloor.IsEnabled(LogLevel.Information))
        {
            throw SanityChecks.Failed("A logger factory whose one provider is never enabled says Information is enabled.");
        }
    }

    [Benchmark(Baseline = true, Description = "written (generated)")]
    public void Written() => OrderLog.OrderCharged(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "level disabled (generated)")]
    public void LevelDisabledGenerated() => OrderLog.OrderCharged(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "level disabled (extension method)")]
    public void LevelDisabledExtension() => _logger!.Logger.LogInformation(OrderCharge.Template, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "MEL floor: no provider (generated)")]
    public void MelFloorGenerated() => OrderLog.OrderCharged(_melFloor!, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "MEL floor: one provider asked, answers false (generated)")]
    public void OneProviderAskedGenerated() => OrderLog.OrderCharged(_askedFloor!, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "replay suppressed (generated)")]
    public void ReplaySuppressedGenerated() => OrderLog.OrderCharged(_logger!.Logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [Benchmark(Description = "replay suppressed (extension method)")]
    public void ReplaySuppressedExtension() => _logger!.Logger.LogInformation(OrderCharge.Template, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);

    [GlobalCleanup(Target = nameof(Written))]
    public void CleanupWritten() => Close(logger => logger.RequireIterationsWrote());

    [GlobalCleanup(Target = nameof(MelFloorGenerated))]
    public void CleanupMelFloor() => _noProvider?.Dispose();

    [GlobalCleanup(Target = nameof(OneProviderAskedGenerated))]
    public void CleanupOneProviderAsked() => _askedProvider?.Dispose();

    [GlobalCleanup(Targets = new[] { nameof(LevelDisabledGenerated), nameof(LevelDisabledExtension), nameof(ReplaySuppressedGenerated), nameof(ReplaySuppressedExtension) })]
    public void CleanupGated() => Close(logger => logger.RequireIterationsWroteNothing());

    /// <summary>
    /// Requires both call sites to write nothing into a recording sink under the current ambient context,
    /// and the same setup to write the line once the context is live and the level is let through, so that
    /// "nothing" is the gate's doing and not a broken setup.
    /// </summary>
    private static void RequireNothingWritten(LogLevel minimumLevel, string why)
    {
        var sink = new RecordingLogSink();
        using (var services = OursSetup.Build(sink, DurableLogFormat.Json, minimumLevel))
        {
            var logger = services.GetRequiredService<ILogger<OrderWorkflow>>();
            OrderLog.OrderCharged(logger, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
            logger.LogInformation(OrderCharge.Template, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
            LineCheck.RequireNothing(sink.Lines, why);

            using (WorkloadFields.Enter(isReplaying: false))
            {
                logger.Log(minimumLevel, OrderCharge.Template, OrderCharge.OrderId, OrderCharge.Amount, OrderCharge.Currency);
            }
        }

        var written = sink.Lines;
        if (written.Count != 1)
        {
            throw SanityChecks.Failed($"Expected one line from the live context at {minimumLevel}, got {written.Count}.");
        }

        LineCheck.RequireJson(written[0], "DurableLoggingProvider");
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
