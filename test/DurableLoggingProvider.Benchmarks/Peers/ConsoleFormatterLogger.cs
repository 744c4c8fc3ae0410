using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>The logger of one category of <see cref="ConsoleFormatterLoggerProvider"/>: builds the entry and hands it over.</summary>
internal sealed class ConsoleFormatterLogger : ILogger
{
    private readonly string _category;
    private readonly ConsoleFormatterLoggerProvider _provider;

    public ConsoleFormatterLogger(string category, ConsoleFormatterLoggerProvider provider)
    {
        _category = category;
        _provider = provider;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _provider.Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        _provider.Write(new LogEntry<TState>(logLevel, _category, eventId, state, exception, formatter));
    }
}
