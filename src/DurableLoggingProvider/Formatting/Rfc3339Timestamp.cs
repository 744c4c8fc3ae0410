using System;

namespace DurableLoggingProvider;

/// <summary>
/// Writes timestamps as Lambda does: RFC 3339, UTC, milliseconds (<c>2026-07-22T10:11:12.345Z</c>). Lines come
/// many to a second, so each thread keeps the text of the last second it wrote, up to the decimal point, and
/// writes only the milliseconds while the second is the same; any other second, earlier or later, is worked out.
/// </summary>
internal static class Rfc3339Timestamp
{
    public const int Length = 24;

    private const int SecondLength = 20;

    [ThreadStatic]
    private static LastSecond? s_lastSecond;

    public static void Format(DateTimeOffset timestamp, Span<byte> destination)
    {
        var ticks = timestamp.UtcTicks;
        var second = ticks / TimeSpan.TicksPerSecond;
        var last = s_lastSecond ??= new LastSecond();
        if (last.Second != second)
        {
            FormatSecond(new DateTime(ticks, DateTimeKind.Utc), last.Text);
            last.Second = second;
        }

        last.Text.CopyTo(destination);
        WriteDigits(destination.Slice(SecondLength, 3), (int)(ticks / TimeSpan.TicksPerMillisecond % 1000));
        destination[23] = (byte)'Z';
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss.</c>, the timestamp up to its milliseconds.</summary>
    private static void FormatSecond(DateTime utc, Span<byte> destination)
    {
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
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>The last second a thread wrote, and its text.</summary>
    private sealed class LastSecond
    {
        public long Second { get; set; } = -1;

        public byte[] Text { get; } = new byte[SecondLength];
    }
}
