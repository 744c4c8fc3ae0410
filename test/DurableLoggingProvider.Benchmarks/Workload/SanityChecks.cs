using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>
/// The failures of the benchmarks' sanity checks. A check that fails throws; BenchmarkDotNet reports a
/// benchmark whose setup threw as failed, but, running in process, only logs one whose cleanup threw.
/// Keeping every failure here lets the run end with a failing exit status either way, and say why.
/// </summary>
internal static class SanityChecks
{
    private static readonly ConcurrentQueue<string> s_failures = new();

    public static IReadOnlyCollection<string> Failures => s_failures;

    /// <summary>Records a failed check and returns the exception to throw for it.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="cause">The exception that revealed it, if any.</param>
    public static InvalidOperationException Failed(string message, Exception? cause = null)
    {
        s_failures.Enqueue(message);
        return new InvalidOperationException(message, cause);
    }
}
