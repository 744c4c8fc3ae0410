using System;
using System.Globalization;
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
        Span<char> hex = stackalloc char[HexLength];
        Write(parentId, position, hex);
        return new string(hex);
    }

    /// <summary>The length of a wire id: the hex of a SHA-256.</summary>
    internal const int HexLength = OperationIdHash.Length * 2;

    /// <summary>
    /// Writes the wire id of <see cref="Create"/> into <paramref name="hex"/> (<see cref="HexLength"/> chars), so that
    /// replay can look an operation up without making the id a string: the checkpoint's own id serves after that.
    /// </summary>
    internal static void Write(string? parentId, int position, Span<char> hex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);

        // The raw id is written as UTF-8 on the stack and hashed there.
        var parentBytes = parentId is null ? 0 : Encoding.UTF8.GetMaxByteCount(parentId.Length) + 1;
        Span<byte> raw = parentBytes + 11 <= 256 ? stackalloc byte[256] : new byte[parentBytes + 11];
        var length = 0;
        if (parentId is not null)
        {
            length = Encoding.UTF8.GetBytes(parentId, raw);
            raw[length++] = (byte)'-';
        }

        position.TryFormat(raw[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;

        Span<byte> hash = stackalloc byte[OperationIdHash.Length];
        OperationIdHash.Hash(raw[..length], hash);
#if NET9_0_OR_GREATER
        Convert.TryToHexStringLower(hash, hex, out _);
#else
        WriteLowerHex(hash, hex);
#endif
    }

#if !NET9_0_OR_GREATER
    /// <summary>Lower-case hex for .NET 8, which has no <c>Convert.TryToHexStringLower</c>.</summary>
    private static void WriteLowerHex(ReadOnlySpan<byte> bytes, Span<char> hex)
    {
        const string Digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = Digits[bytes[i] >> 4];
            hex[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }
    }
#endif
}
