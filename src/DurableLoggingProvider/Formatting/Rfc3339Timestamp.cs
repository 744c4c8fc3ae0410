using System;

namespace DurableLoggingProvider;

/// <summary>Writes timestamps as Lambda does: RFC 3339, UTC, milliseconds (<c>2026-07-22T10:11:12.345Z</c>).</summary>
internal static class Rfc3339Timestamp
{
    public const int Length = 24;

    public static void Format(DateTimeOffset timestamp, Span<byte> destination)
    {
        var utc = timestamp.UtcDateTime;
        WriteDigits(destination[..4], utc.Year);
        destination[4] = (byte)'-';
        WriteDigits(destination.Slice(5, 2), utc.Month);
        destination[7] = (byte)'-';
        WriteDigits(destination.Slice(8, 2), utc.Day);
        destination[10] = (byte)'T';
        WriteDigits(destination.Slice(11, 2), utc.Hour);
        destination[13] = (byte)':';
        WriteDigits(destination.Slice(14, 2), utc.Minute);
        destination[16] = (byte)':';
        WriteDigits(destination.Slice(17, 2), utc.Second);
        destination[19] = (byte)'.';
        WriteDigits(destination.Slice(20, 3), utc.Millisecond);
        destination[23] = (byte)'Z';
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
