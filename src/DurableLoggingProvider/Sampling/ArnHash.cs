using System;

namespace DurableLoggingProvider;

/// <summary>
/// A stable hash of an execution ARN: 64-bit FNV-1a over its UTF-8 bytes, the same in every process and on every
/// runtime (unlike <see cref="string.GetHashCode()"/>, which is randomised per process), then MurmurHash3's 64-bit
/// finalizer, so that ARNs that differ only in their last characters (they mostly do) spread over [0, 1).
/// </summary>
internal static class ArnHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string arn)
    {
        var hash = OffsetBasis;
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in arn.EnumerateRunes())
        {
            var count = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < count; i++)
            {
                hash = (hash ^ bytes[i]) * Prime;
            }
        }

        return hash;
    }

    /// <summary>The ARN's place in [0, 1): its mixed hash's top 53 bits as a fraction.</summary>
    public static double Fraction(string arn) => (Mix(Of(arn)) >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53;
        return hash ^ (hash >> 33);
    }
}
