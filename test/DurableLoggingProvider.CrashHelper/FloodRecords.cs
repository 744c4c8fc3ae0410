using System;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.CrashHelper;

/// <summary>
/// The records the helper writes, shared with the test that reads them: record <c>n</c> of thread <c>t</c>
/// is always the same line, so the test can check every line it reads, and any piece of one, exactly.
/// </summary>
public static class FloodRecords
{
    public const string Category = "Flood";

    public static readonly DateTimeOffset Timestamp = new(2026, 7, 22, 10, 11, 12, 345, TimeSpan.Zero);

    /// <summary>The message of record <paramref name="number"/> of <paramref name="thread"/>: its identity, then a body of 1 to <paramref name="largestBody"/> characters.</summary>
    public static string Message(int thread, int number, int largestBody)
    {
        var length = 1 + (int)(((long)number * 7919 + (long)thread * 104729) % largestBody);
        return string.Create(CultureInfo.InvariantCulture, $"t{thread} n{number} ") + new string((char)('a' + (thread % 26)), length);
    }

    /// <summary>The whole line the provider writes for that record, newline excluded.</summary>
    public static string Line(int thread, int number, int largestBody) => LineOf(Message(thread, number, largestBody));

    /// <summary>The message of the one record of the <c>one</c> mode: record 0 of thread 0, with a body of exactly <paramref name="bodyLength"/> characters.</summary>
    public static string OnlyRecord(int bodyLength) => "t0 n0 " + new string('a', bodyLength);

    /// <summary>The message of record <paramref name="number"/> of <paramref name="thread"/> with a body of exactly <paramref name="bodyLength"/> characters.</summary>
    public static string Sized(int thread, int number, int bodyLength) =>
        string.Create(CultureInfo.InvariantCulture, $"t{thread} n{number} ") + new string((char)('a' + (thread % 26)), bodyLength);

    /// <summary>The whole line the provider writes for a record of this message, newline excluded.</summary>
    public static string LineOf(string message) =>
        $"{{\"timestamp\":\"2026-07-22T10:11:12.345Z\",\"level\":\"INFO\",\"category\":\"{Category}\",\"message\":\"{message}\"}}";

    public static void Log(ILogger logger, int thread, int number, int largestBody) =>
        logger.Log(LogLevel.Information, default, Message(thread, number, largestBody), null, static (message, _) => message);
}
