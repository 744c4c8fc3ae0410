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
        var number = position.ToString(CultureInfo.InvariantCulture);
        var raw = parentId is null ? number : $"{parentId}-{number}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(raw), hash);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }
}
