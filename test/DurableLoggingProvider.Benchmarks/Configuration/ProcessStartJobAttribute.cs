using System;
using BenchmarkDotNet.Attributes;

namespace DurableLoggingProvider.Benchmarks.Configuration;

/// <summary>Runs a benchmark class with <see cref="BenchmarkJobs.ProcessStart"/> .</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ProcessStartJobAttribute : JobConfigBaseAttribute
{
    public ProcessStartJobAttribute()
        : base(BenchmarkJobs.ProcessStart)
    {
    }
}
