using System.IO;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// A Serilog sink that formats each event with a JSON formatter onto a text writer and flushes it, under a
/// lock, as Serilog's console and file sinks do.
/// </summary>
internal sealed class JsonTextWriterSink : ILogEventSink, System.IDisposable
{
    private readonly object _lock = new();
    private readonly ITextFormatter _formatter;
    private readonly TextWriter _output;

    public JsonTextWriterSink(ITextFormatter formatter, TextWriter output)
    {
        _formatter = formatter;
        _output = output;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _formatter.Format(logEvent, _output);
            _output.Flush();
        }
    }

    public void Dispose() => _output.Dispose();
}
