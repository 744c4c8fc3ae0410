using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution.Tests.Context;

/// <summary>
/// A stand-in for another logging library's logger (Serilog, NLog): it knows nothing of durable
/// execution, and records each line with the key/value scopes open when it was written.
/// </summary>
internal sealed class RecordingForeignLogger : ILogger
{
    private readonly AsyncLocal<ScopeNode?> _scopes = new();
    private readonly ConcurrentQueue<ForeignLogEntry> _entries = new();

    public IReadOnlyList<ForeignLogEntry> Entries => _entries.ToArray();

    public IReadOnlyList<ForeignLogEntry> EntriesWithMessage(string message) => Entries.Where(entry => entry.Message == message).ToList();

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        var node = new ScopeNode(state, _scopes.Value);
        _scopes.Value = node;
        return new ScopeEnd(this, node);
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var scopes = new List<IReadOnlyDictionary<string, object?>>();
        for (var node = _scopes.Value; node is not null; node = node.Parent)
        {
            if (node.State is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                scopes.Insert(0, pairs.ToDictionary(pair => pair.Key, pair => pair.Value));
            }
        }

        _entries.Enqueue(new ForeignLogEntry(logLevel, formatter(state, exception), scopes));
    }

    private sealed record ScopeNode(object State, ScopeNode? Parent);

    private sealed class ScopeEnd(RecordingForeignLogger logger, ScopeNode node) : IDisposable
    {
        public void Dispose() => logger._scopes.Value = node.Parent;
    }
}
