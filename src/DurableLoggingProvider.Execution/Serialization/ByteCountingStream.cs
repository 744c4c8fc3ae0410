using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// A stream that keeps nothing and counts the bytes written to it: the size of a value as serialized, with
/// the serializer's own buffers, instead of an array as large as the value (a step's result can be hundreds
/// of kilobytes) made only to read its length.
/// </summary>
internal sealed class ByteCountingStream : Stream
{
    private long _count;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _count;

    public override long Position
    {
        get => _count;
        set => throw new NotSupportedException("A byte-counting stream cannot seek.");
    }

    /// <summary>The number of bytes <paramref name="value"/> takes as <paramref name="typeInfo"/> writes it.</summary>
    public static long Measure<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var stream = new ByteCountingStream();
        JsonSerializer.Serialize(stream, value, typeInfo);
        return stream._count;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A byte-counting stream cannot be read.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A byte-counting stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A byte-counting stream has no length to set.");

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        _count += count;
    }

    public override void Write(ReadOnlySpan<byte> buffer) => _count += buffer.Length;
}
