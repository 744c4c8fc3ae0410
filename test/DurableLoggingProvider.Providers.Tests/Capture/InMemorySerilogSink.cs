using System.Collections.Concurrent;
using System.Collections.Generic;
using Serilog.Core;
using Serilog.Events;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>A Serilog sink that keeps every event it is given.</summary>
internal sealed class InMemorySerilogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
