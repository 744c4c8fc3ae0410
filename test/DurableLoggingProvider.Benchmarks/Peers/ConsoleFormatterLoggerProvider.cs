using System.IO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// Microsoft.Extensions.Logging's console logger with its background queue taken out: each call renders the
/// entry with a <see cref="ConsoleFormatter"/> and writes it to a text writer, flushed, before it returns.
/// The console provider hands the rendered text to a queue that another thread writes, which cannot be
/// timed per call; this is its rendering, timed. The lock stands for the one the console's queue takes.
/// </summary>
internal sealed class ConsoleFormatterLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly object _lock = new();
    private readonly ConsoleFormatter _formatter;
    private readonly TextWriter _output;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConsoleFormatterLoggerProvider(ConsoleFormatter formatter, TextWriter output)
    {
        _formatter = formatter;
        _output = output;
    }

    internal IExternalScopeProvider Scopes => _scopes;

    public ILogger CreateLogger(string categoryName) => new ConsoleFormatterLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _output.Dispose();

    internal void Write<TState>(in LogEntry<TState> entry)
    {
        lock (_lock)
        {
            _formatter.Write(in entry, _scopes, _output);
            _output.Flush();
        }
    }
}
