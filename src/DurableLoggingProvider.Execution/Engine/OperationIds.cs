using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Operation ids as the official .NET and Java SDKs make them, so that a checkpoint history written by
/// either replays under this engine: each context counts its operations from 1; the raw id is the
/// position at the root and <c>parentId-position</c> inside a context; the wire id is the lowercase hex
/// SHA-256 of the raw id's UTF-8 bytes.
/// </summary>
public static class OperationIds
{
    /// <summary>The id of the operation at <paramref name="position"/> (1-based) in the context whose operation id is <paramref name="parentId"/>.</summary>
    /// <param name="parentId">The enclosing <c>CONTEXT</c> operation's id, or <see langword="null"/> at the root.</param>
    /// <param name="position">The operation's position in its context, from 1.</param>
    public static string Create(string? parentId, int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);

        // Replay claims an id per operation, so this avoids every intermediate string: the raw id is
        // written as UTF-8 on the stack, hashed there, and the hex is the only allocation.
        var parentBytes = parentId is null ? 0 : Encoding.UTF8.GetMaxByteCount(parentId.Length) + 1;
        Span<byte> raw = parentBytes + 11 <= 512 ? stackalloc byte[512] : new byte[parentBytes + 11];
        var length = 0;
        if (parentId is not null)
        {
            length = Encoding.UTF8.GetBytes(parentId, raw);
            raw[length++] = (byte)'-';
        }

        position.TryFormat(raw[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(raw[..length], hash);
        return string.Create(hash.Length * 2, HashBytes.From(hash), static (hex, bytes) => bytes.WriteLowerHex(hex));
    }

    /// <summary>A hash's 32 bytes by value, so that <see cref="string.Create{TState}"/> can take them.</summary>
    private readonly struct HashBytes
    {
        private readonly ulong _a;
        private readonly ulong _b;
        private readonly ulong _c;
        private readonly ulong _d;

        private HashBytes(ulong a, ulong b, ulong c, ulong d)
        {
            _a = a;
            _b = b;
            _c = c;
            _d = d;
        }

        public static HashBytes From(ReadOnlySpan<byte> hash) => new(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));

        public void WriteLowerHex(Span<char> hex)
        {
            Write(_a, hex[..16]);
            Write(_b, hex[16..32]);
            Write(_c, hex[32..48]);
            Write(_d, hex[48..]);
        }

        private static void Write(ulong value, Span<char> hex)
        {
            for (var i = 15; i >= 0; i--)
            {
                hex[i] = "0123456789abcdef"[(int)(value & 0xF)];
                value >>= 4;
            }
        }
    }
}
