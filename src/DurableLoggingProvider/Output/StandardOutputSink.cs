using System;
using System.IO;

namespace DurableLoggingProvider;

/// <summary>
/// Writes records to the process's raw standard output stream, not through <c>Console.Out</c>, which
/// Lambda's .NET runtime re-formats. One synchronous write per record, under a lock, so lines from
/// concurrent threads never interleave and every record is on the stream before the log call returns.
/// Failures propagate to the provider, which counts and reports them.
/// </summary>
internal sealed class StandardOutputSink : ILogSink
{
    private readonly object _lock = new();
    private readonly Stream _output;

    public StandardOutputSink()
        : this(Console.OpenStandardOutput())
    {
    }

    internal StandardOutputSink(Stream output)
    {
        _output = output;
    }

    public void Write(ReadOnlySpan<byte> record)
    {
        lock (_lock)
        {
            _output.Write(record);
            _output.Flush();
        }
    }
}
