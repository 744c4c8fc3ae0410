using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>A logger that keeps the last state's pairs, read as any provider reads them: as a list of name and value.</summary>
internal sealed class StateCaptureLogger : ILogger
{
    public IReadOnlyList<KeyValuePair<string, object?>> Pairs { get; private set; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Pairs = state is IReadOnlyList<KeyValuePair<string, object?>> list ? [.. list] : [];
}
