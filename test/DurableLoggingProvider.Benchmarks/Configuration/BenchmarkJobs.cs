using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DurableLoggingProvider.Benchmarks.Configuration;

/// <summary>
/// The jobs the suite runs, sized so that the whole suite finishes in minutes on two cores. Every job runs
/// in process (<see cref="InProcessEmitToolchain"/>): the benchmarks run in the executable that
/// build/benchmarks.sh built, instead of a copy BenchmarkDotNet would generate and build again with the
/// whole solution's project graph for every benchmark; each benchmark still gets its own setup and cleanup.
/// </summary>
internal static class BenchmarkJobs
{
    /// <summary>Calls of nanoseconds to microseconds.</summary>
    public static readonly Job SteadyState = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithId("SteadyState");

    /// <summary>Whole replayed invocations, of milliseconds to a fraction of a second.</summary>
    public static readonly Job Replay = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(2)
        .WithIterationCount(10)
        .WithId("Replay");

    /// <summary>One child process per iteration, timed whole: no pilot, no unrolling, no overhead subtracted.</summary>
    public static readonly Job ProcessStart = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Monitoring)
        .WithWarmupCount(2)
        .WithIterationCount(20)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithId("ProcessStart");
}
