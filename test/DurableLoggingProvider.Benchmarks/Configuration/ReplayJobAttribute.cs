using System;
using BenchmarkDotNet.Attributes;

namespace DurableLoggingProvider.Benchmarks.Configuration;

/// <summary>Runs a benchmark class with <see cref="BenchmarkJobs.Replay"/> .</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ReplayJobAttribute : JobConfigBaseAttribute
{
    public ReplayJobAttribute()
        : base(BenchmarkJobs.Replay)
    {
    }
}
