using System;
using System.IO;

namespace DurableLoggingProvider;

/// <summary>
/// Writes whole records to a descriptor that may take them in parts. A record the descriptor takes in
/// parts (a pipe, a non-blocking descriptor out of room) is continued from where it stopped, waiting for
/// room while the descriptor keeps taking bytes, so it is written whole and once. When the descriptor
/// takes nothing for <see cref="StallLimit"/>, or fails, the record is lost: if none of it went out, it
/// simply is not written; if its start went out, that start is ended with a newline (now, or before the
/// next record when there is still no room), so that a reader of lines sees one broken line and the next
/// record on a line of its own. Either way the caller gets an <see cref="IOException"/> (counted and
/// reported by the provider), and the record is never written again. Not thread-safe: the gate serialises.
/// </summary>
internal sealed class DescriptorRecordWriter
{
    /// <summary>How long a descriptor may take nothing before the record is given up: a blocking descriptor would wait for ever.</summary>
    public static readonly TimeSpan DefaultStallLimit = TimeSpan.FromSeconds(10);

    private readonly IOutputDescriptor _descriptor;
    private bool _lineOpen;

    public DescriptorRecordWriter(IOutputDescriptor descriptor, TimeSpan stallLimit)
    {
        _descriptor = descriptor;
        StallLimit = stallLimit;
    }

    public TimeSpan StallLimit { get; }

    /// <summary>Whether the start of a lost record is out without its newline (it is written before the next record).</summary>
    public bool LineOpen => _lineOpen;

    public void Write(ReadOnlySpan<byte> record)
    {
        if (_lineOpen)
        {
            if (WriteAll("\n"u8) == 0)
            {
                throw new IOException($"standard output took no byte for {StallLimit.TotalSeconds:0.###} s; the start of an earlier record is still without its newline, so this record was not written");
            }

            _lineOpen = false;
        }

        var written = WriteAll(record, out var failure);
        if (written == record.Length)
        {
            return;
        }

        var why = failure is null ? $"then no byte for {StallLimit.TotalSeconds:0.###} s" : $"then failed: {failure.Message}";
        if (written == 0)
        {
            throw new IOException($"standard output took no byte of a record of {record.Length} bytes ({why}); the record was not written", failure);
        }

        _lineOpen = true;
        var ended = failure is null && WriteAll("\n"u8) == 1;
        _lineOpen = !ended;
        throw new IOException(
            $"standard output took {written} of the {record.Length} bytes of a record ({why}); the record is lost, and its start {(ended ? "was ended with a newline" : "will be ended with a newline before the next record")}",
            failure);
    }

    private int WriteAll(ReadOnlySpan<byte> bytes) => WriteAll(bytes, out _);

    /// <summary>Writes as much of <paramref name="bytes"/> as the descriptor takes before it stalls or fails.</summary>
    private int WriteAll(ReadOnlySpan<byte> bytes, out IOException? failure)
    {
        failure = null;
        var written = 0;
        var lastProgress = Environment.TickCount64;
        while (written < bytes.Length)
        {
            int taken;
            try
            {
                taken = _descriptor.Write(bytes[written..]);
            }
            catch (IOException error)
            {
                failure = error;
                return written;
            }

            if (taken > 0)
            {
                written += taken;
                lastProgress = Environment.TickCount64;
                continue;
            }

            var left = StallLimit - TimeSpan.FromMilliseconds(Environment.TickCount64 - lastProgress);
            if (left <= TimeSpan.Zero)
            {
                return written;
            }

            _descriptor.WaitUntilWritable(left);
        }

        return written;
    }
}
