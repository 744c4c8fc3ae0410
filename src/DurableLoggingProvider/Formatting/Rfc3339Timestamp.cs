using System;

namespace DurableLoggingProvider;

/// <summary>Writes timestamps as Lambda does: RFC 3339, UTC, milliseconds (<c>2026-07-22T10:11:12.345Z</c>).</summary>
internal static class Rfc3339Timestamp
{
    public const int Length = 24;

    public static void Format(DateTimeOffset timestamp, Span<byte> destination)
    {
        var utc = timestamp.UtcDateTime;

        // The date worked out once, not once for each of its parts.
        var (year, month, day) = utc;
        var timeOfDay = utc.Ticks % TimeSpan.TicksPerDay;
        WriteDigits(destination[..4], year);
        destination[4] = (byte)'-';
        WriteDigits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        WriteDigits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
        WriteDigits(destination.Slice(11, 2), (int)(timeOfDay / TimeSpan.TicksPerHour));
        destination[13] = (byte)':';
        WriteDigits(destination.Slice(14, 2), (int)(timeOfDay / TimeSpan.TicksPerMinute % 60));
        destination[16] = (byte)':';
        WriteDigits(destination.Slice(17, 2), (int)(timeOfDay / TimeSpan.TicksPerSecond % 60));
        destination[19] = (byte)'.';
        WriteDigits(destination.Slice(20, 3), (int)(timeOfDay / TimeSpan.TicksPerMillisecond % 1000));
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
