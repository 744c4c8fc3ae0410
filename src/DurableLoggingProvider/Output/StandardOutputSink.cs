using System;
using System.IO;

namespace DurableLoggingProvider;

/// <summary>
/// Writes records to the process's raw standard output, not through <c>Console.Out</c>, which Lambda's
/// .NET runtime re-formats: synchronously, each record whole, through the process-wide
/// <see cref="StandardOutputGate"/>, so records of concurrent threads and of other providers in the
/// process never interleave, and every record is on the stream before the log call returns. Failures
/// propagate to the provider, which counts and reports them.
/// </summary>
internal sealed class StandardOutputSink : ILogSink
{
    private readonly StandardOutputGate _gate;

    public StandardOutputSink()
        : this(StandardOutputGate.Process)
    {
    }

    /// <summary>A sink over a stream of its own, for tests.</summary>
    internal StandardOutputSink(Stream output)
        : this(new StandardOutputGate(output))
    {
    }

    internal StandardOutputSink(StandardOutputGate gate)
    {
        _gate = gate;
    }

    public void Write(ReadOnlySpan<byte> record) => _gate.Write(record);
}
