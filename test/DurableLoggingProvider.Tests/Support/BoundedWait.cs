using System;
using System.Diagnostics;
using System.Threading;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>Waits for something that happens on another thread (a file watcher's reload), up to a limit.</summary>
internal static class BoundedWait
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(10);

    /// <summary>Checks <paramref name="condition"/> every 50 ms until it holds or the limit passes.</summary>
    /// <returns>Whether the condition held in time.</returns>
    public static bool Until(Func<bool> condition, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        var deadline = limit ?? DefaultLimit;
        while (!condition())
        {
            if (clock.Elapsed > deadline)
            {
                return condition();
            }

            Thread.Sleep(50);
        }

        return true;
    }
}
