using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;

namespace DurableLoggingProvider.Benchmarks.Configuration;

/// <summary>
/// The suite's configuration: the memory diagnoser; mean, error, median, minimum (the least disturbed
/// iteration, on a shared machine the steadiest figure), ratio of the means to the baseline (ours, in
/// every comparison) and bytes allocated per call; GitHub-flavoured markdown tables. Each class names its job
/// with an attribute (<see cref="SteadyStateJobAttribute"/>, <see cref="ReplayJobAttribute"/>,
/// <see cref="ProcessStartJobAttribute"/>); command-line settings such as <c>--iterationCount</c> apply
/// on top of it.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() => ManualConfig.CreateEmpty()
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumnProvider(DefaultColumnProviders.Descriptor, DefaultColumnProviders.Job, DefaultColumnProviders.Params, DefaultColumnProviders.Metrics)
        .AddColumn(StatisticColumn.Mean, StatisticColumn.Error, StatisticColumn.Median, StatisticColumn.Min, BaselineRatioColumn.RatioMean)
        .AddExporter(MarkdownExporter.GitHub)
        .AddLogger(ConsoleLogger.Default)
        .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
        .AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
}
