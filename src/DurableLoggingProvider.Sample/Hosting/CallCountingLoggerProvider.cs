using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample.Hosting;

/// <summary>
/// A second provider that only counts the log calls that reach it. The sample leaves it ungated
/// (<c>UngatedProviders</c>), so it sees every call the durable provider sees, replayed or not, and the
/// difference between the two is what the gate kept out.
/// </summary>
internal sealed class CallCountingLoggerProvider : ILoggerProvider
{
    private int _calls;

    /// <summary>How many log calls reached the providers.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this);

    public void Dispose()
    {
    }

    private sealed class CountingLogger(CallCountingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Interlocked.Increment(ref provider._calls);
    }
}
