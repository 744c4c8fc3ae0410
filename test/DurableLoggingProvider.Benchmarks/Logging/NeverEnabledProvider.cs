using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Logging;

/// <summary>
/// A provider whose loggers answer every <c>IsEnabled</c> with false and do nothing else: what MEL costs when it
/// has to ask one provider, the least any provider deciding for itself (as the replay gate does) can cost.
/// </summary>
internal sealed class NeverEnabledProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => NeverEnabledLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class NeverEnabledLogger : ILogger
    {
        public static readonly NeverEnabledLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("A provider that is never enabled was asked to write.");
    }
}
