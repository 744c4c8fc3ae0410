using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DurableLoggingProvider.Benchmarks.Configuration;

/// <summary>The mean time of a benchmark divided by its number of operations, an integer <c>[Params]</c> property, in nanoseconds.</summary>
internal sealed class TimePerOperationColumn : IColumn
{
    private readonly string _parameter;

    public TimePerOperationColumn(string parameter)
    {
        _parameter = parameter;
    }

    public string Id => $"{nameof(TimePerOperationColumn)}.{_parameter}";

    public string ColumnName => "Per operation";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Mean divided by {_parameter}, in nanoseconds";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || benchmarkCase.Parameters[_parameter] is not int operations || operations <= 0)
        {
            return "NA";
        }

        var culture = style.CultureInfo ?? CultureInfo.InvariantCulture;
        return (statistics.Mean / operations).ToString("N1", culture) + " ns";
    }
}
