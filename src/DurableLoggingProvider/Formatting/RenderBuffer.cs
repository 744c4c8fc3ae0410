using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// Where one record is rendered: a pooled UTF-8 buffer, the JSON writer over it, a scratch span of
/// characters and the record's exception as read once. One is cached per thread and reused, so rendering allocates nothing once warm;
/// a record rendered while another is being rendered on the same thread (a value's <c>ToString</c>
/// that logs) gets a fresh one.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Cached per thread for the life of the process; the JSON writer holds no unmanaged state.")]
internal sealed class RenderBuffer : IBufferWriter<byte>
{
    private const int InitialCapacity = 2048;
    private const int RetainedCapacity = 256 * 1024;

    // Larger buffers are allocated, not rented: the shared pool keeps what is returned to it, and a pool
    // holding the buffers of a few huge records would keep that memory for the life of the process.
    private const int LargestPooled = 1024 * 1024;

#pragma warning disable IDE1006 // Thread-statics are named t_.
    [ThreadStatic]
    private static RenderBuffer? t_cached;
#pragma warning restore IDE1006

    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        Encoder = JsonEncoder,
        SkipValidation = true,
    };

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(InitialCapacity);

    /// <summary>How the record's JSON writer escapes strings; names encoded ahead of time must be encoded the same way.</summary>
    public static JavaScriptEncoder JsonEncoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private int _written;
    private char[] _chars = [];
    private Utf8JsonWriter? _json;
    private Exception? _exception;
    private ExceptionDetails? _exceptionDetails;

    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, _written);

    public int WrittenCount => _written;

    public static RenderBuffer Rent()
    {
        var buffer = t_cached;
        t_cached = null;
        return buffer ?? new RenderBuffer();
    }

    public static void Return(RenderBuffer buffer)
    {
        buffer.Reset();
        buffer._exception = null;
        buffer._exceptionDetails = null;
        if (buffer._bytes.Length > RetainedCapacity)
        {
            Release(buffer._bytes);
            buffer._bytes = ArrayPool<byte>.Shared.Rent(InitialCapacity);
        }

        if (buffer._chars.Length > RetainedCapacity)
        {
            buffer._chars = [];
        }

        t_cached = buffer;
    }

    /// <summary>A JSON writer positioned at the start of the (reset) buffer.</summary>
    public Utf8JsonWriter StartJson()
    {
        Reset();
        if (_json is null)
        {
            _json = new Utf8JsonWriter(this, s_jsonOptions);
        }
        else
        {
            _json.Reset(this);
        }

        return _json;
    }

    /// <summary>The record's error fields, read from <paramref name="exception"/> at its first rendering only.</summary>
    public ExceptionDetails Describe(Exception exception)
    {
        if (!ReferenceEquals(_exception, exception) || _exceptionDetails is null)
        {
            _exceptionDetails = ExceptionText.Describe(exception);
            _exception = exception;
        }

        return _exceptionDetails;
    }

    /// <summary>Empties the buffer for a new rendering of the record.</summary>
    public void Reset() => _written = 0;

    /// <summary>A scratch span of characters, valid until the next call.</summary>
    public Span<char> Scratch(int length)
    {
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, 256)];
        }

        return _chars.AsSpan(0, length);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _written += bytes.Length;
    }

    public void Write(byte value)
    {
        GetSpan(1)[0] = value;
        _written++;
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _bytes.Length)
        {
            return;
        }

        var length = (int)Math.Min(Math.Max(needed, _bytes.Length * 2L), Array.MaxLength);
        var larger = length <= LargestPooled ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
        _bytes.AsSpan(0, _written).CopyTo(larger);
        Release(_bytes);
        _bytes = larger;
    }

    private static void Release(byte[] bytes)
    {
        if (bytes.Length <= LargestPooled)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
