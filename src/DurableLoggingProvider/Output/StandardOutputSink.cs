using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace DurableLoggingProvider;

/// <summary>
/// Writes records to the process's raw standard output stream, not through <c>Console.Out</c>, which
/// Lambda's .NET runtime re-formats. One synchronous write per record, under a lock, so lines from
/// concurrent threads never interleave and every record is on the stream before the log call returns.
/// Failures propagate to the provider, which counts and reports them.
/// </summary>
/// <remarks>
/// On Unix, .NET's console stream treats a broken pipe (the reader of standard output has gone) as
/// success, so records would vanish uncounted and unreported. When standard output is a pipe or a
/// terminal, the sink writes through a file stream over the same descriptor, which reports it. A regular
/// file keeps the console stream, whose writes honour an offset shared with another descriptor
/// (<c>2&gt;&amp;1</c>) where a file stream would write at its own position.
/// </remarks>
internal sealed class StandardOutputSink : ILogSink
{
    private const int StandardOutputDescriptor = 1;

    // EAGAIN on Linux, and on macOS and the BSDs: the descriptor is non-blocking and the pipe is full.
    private const int WouldBlockLinux = 11;
    private const int WouldBlockBsd = 35;

    private readonly object _lock = new();
    private Stream _output;
    private Stream? _console;

    public StandardOutputSink()
        : this(OpenStandardOutput(out var console), console)
    {
    }

    /// <summary>A sink over <paramref name="output"/>; when a write would block, over <paramref name="console"/> from then on.</summary>
    internal StandardOutputSink(Stream output, Stream? console = null)
    {
        _output = output;
        _console = console;
    }

    public void Write(ReadOnlySpan<byte> record)
    {
        lock (_lock)
        {
            try
            {
                _output.Write(record);
            }
            catch (IOException wouldBlock) when (_console is { } console && wouldBlock.HResult is WouldBlockLinux or WouldBlockBsd)
            {
                // A non-blocking descriptor, which a file stream cannot wait on and the console stream can: use
                // it from now on. A record larger than PIPE_BUF may be in the pipe in part already; only this
                // first one, once.
                _output = console;
                _console = null;
                _output.Write(record);
            }

            _output.Flush();
        }
    }

    private static Stream OpenStandardOutput(out Stream? console)
    {
        console = null;
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var descriptor = new FileStream(new SafeFileHandle(StandardOutputDescriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (!descriptor.CanSeek)
                {
                    console = Console.OpenStandardOutput();
                    return descriptor;
                }

                descriptor.Dispose();
            }
            catch (Exception)
            {
                // No standard output descriptor, or not one a file stream can take: the console's stream copes.
            }
        }

        return Console.OpenStandardOutput();
    }
}
