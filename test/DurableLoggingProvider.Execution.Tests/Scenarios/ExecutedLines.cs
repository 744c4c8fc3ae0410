using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>
/// Counts how many times each log statement ran, whatever the gate made of it, by standing in front of the
/// workflow's logger: the count a mode that writes every run (Emit, Mark) must match.
/// </summary>
internal sealed class ExecutedLines(ILogger inner) : ILogger
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many times each message was logged.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _counts.AddOrUpdate(formatter(state, exception), 1, (_, count) => count + 1);
        inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
