using System;
using System.Linq;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Running;
using DurableLoggingProvider.Benchmarks.Configuration;
using DurableLoggingProvider.Benchmarks.Startup;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks;

/// <summary>
/// Runs the benchmarks (BenchmarkDotNet's command line: <c>--filter</c>, <c>--artifacts</c>...), or, given
/// <c>startup-probe durable|console</c>, is the process the start-up benchmark times.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args is [StartupProbe.Command, var provider] ? StartupProbe.Run(provider) : RunBenchmarks(args);

    // Kept out of Main, so that a start-up probe never loads BenchmarkDotNet.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunBenchmarks(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create()).ToList();
        var failed = summaries.Count(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
        if (failed == 0 && SanityChecks.Failures.Count == 0)
        {
            return 0;
        }

        Console.Error.WriteLine($"Benchmark classes with a failed benchmark: {failed}. Failed sanity checks: {SanityChecks.Failures.Count}.");
        foreach (var failure in SanityChecks.Failures)
        {
            Console.Error.WriteLine($"  {failure}");
        }

        return 1;
    }
}
