using System;
using BenchmarkDotNet.Attributes;

namespace DurableLoggingProvider.Benchmarks.Configuration;

/// <summary>Runs a benchmark class with <see cref="BenchmarkJobs.SteadyState"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class SteadyStateJobAttribute : JobConfigBaseAttribute
{
    public SteadyStateJobAttribute()
        : base(BenchmarkJobs.SteadyState)
    {
    }
}
