using System;
using System.IO;
using System.Threading;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// An output stream that works, throws a given exception, or holds every write until it is released,
/// as standard output does when its reader is gone or slow. What it accepted is kept.
/// </summary>
internal sealed class FaultyStream : Stream
{
    private readonly object _lock = new();
    private readonly MemoryStream _written = new();
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private Exception? _failure;
    private int _heldWrites;

    /// <summary>How many writes are being held right now.</summary>
    public int HeldWrites => Volatile.Read(ref _heldWrites);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Every byte accepted so far.</summary>
    public byte[] Written()
    {
        lock (_lock)
        {
            return _written.ToArray();
        }
    }

    /// <summary>Makes every write throw <paramref name="failure"/> until <see cref="Work"/>.</summary>
    public void Fail(Exception failure) => Volatile.Write(ref _failure, failure);

    /// <summary>Makes writes wait until <see cref="Work"/>.</summary>
    public void Hold() => _open.Reset();

    /// <summary>Writes work again, and held ones go through.</summary>
    public void Work()
    {
        Volatile.Write(ref _failure, null);
        _open.Set();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Interlocked.Increment(ref _heldWrites);
        try
        {
            _open.Wait();
        }
        finally
        {
            Interlocked.Decrement(ref _heldWrites);
        }

        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw failure;
        }

        lock (_lock)
        {
            _written.Write(buffer);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _open.Dispose();
            _written.Dispose();
        }

        base.Dispose(disposing);
    }
}
