using System;
using System.IO;

namespace DurableLoggingProvider;

/// <summary>
/// The one way into the process's standard output: one lock and one writer for every sink that writes
/// there, whichever provider, factory or engine made the sink. A pipe takes a write larger than
/// <c>PIPE_BUF</c> (4,096 bytes on Linux) in parts, so two writers each holding only their own lock tear
/// each other's records; through the gate, records follow one another whole.
/// </summary>
internal sealed class StandardOutputGate
{
    private static readonly Lazy<StandardOutputGate> s_process = new(Open);

    private readonly object _lock = new();
    private readonly DescriptorRecordWriter? _descriptor;
    private readonly Stream? _stream;

    /// <summary>A gate over a descriptor written with <c>write(2)</c>.</summary>
    internal StandardOutputGate(IOutputDescriptor descriptor, TimeSpan stallLimit)
    {
        _descriptor = new DescriptorRecordWriter(descriptor, stallLimit);
    }

    /// <summary>A gate over a stream that writes each record whole or throws (a test's stream, Windows' console stream).</summary>
    internal StandardOutputGate(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>The process's standard output: the same gate for every sink in the process.</summary>
    public static StandardOutputGate Process => s_process.Value;

    /// <summary>Writes one record whole, or throws having written none of it or only a start ended with a newline.</summary>
    public void Write(ReadOnlySpan<byte> record)
    {
        lock (_lock)
        {
            if (_descriptor is not null)
            {
                _descriptor.Write(record);
                return;
            }

            _stream!.Write(record);
            _stream.Flush();
        }
    }

    private static StandardOutputGate Open() =>
        UnixStandardOutput.IsAvailable
            ? new StandardOutputGate(new UnixStandardOutput(), DescriptorRecordWriter.DefaultStallLimit)
            : new StandardOutputGate(Console.OpenStandardOutput());
}
