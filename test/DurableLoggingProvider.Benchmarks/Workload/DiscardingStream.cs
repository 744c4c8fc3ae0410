using System;
using System.IO;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>
/// A stream that takes every byte and keeps none, as <see cref="Stream.Null"/> does, but counts the writes
/// and remembers the length of the last, so that a benchmark's cleanup can tell what its iterations
/// wrote: the checked line on every call, or nothing at all.
/// </summary>
internal sealed class DiscardingStream : Stream
{
    /// <summary>How many writes the stream took.</summary>
    public long Writes { get; private set; }

    /// <summary>The length of the last write, in bytes.</summary>
    public int LastWriteLength { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Writes++;
        LastWriteLength = buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
