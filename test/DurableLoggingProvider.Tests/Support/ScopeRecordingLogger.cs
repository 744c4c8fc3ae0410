using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>A foreign logger that records each line's message with the key-value scopes open while it was written.</summary>
internal sealed class ScopeRecordingLogger : ILogger
{
    private readonly List<IReadOnlyList<KeyValuePair<string, object?>>> _open = [];

    public List<(string Message, IReadOnlyList<KeyValuePair<string, object?>> Scope)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : [];
        _open.Add(values);
        return new Closing(() => _open.Remove(values));
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add((formatter(state, exception), _open.SelectMany(scope => scope).ToList()));

    private sealed class Closing(Action close) : IDisposable
    {
        public void Dispose() => close();
    }
}
