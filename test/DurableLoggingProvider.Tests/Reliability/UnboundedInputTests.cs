using System;
using System.Collections.Generic;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// Strings longer than the record limit are cut before they are escaped: a log call's memory stays within a
/// small multiple of the limit beyond its input, the array pool is not left holding huge buffers, a message
/// of any length is written cut (never dropped), and a cut record uses the space it is allowed.
/// </summary>
[TestFixture]
[NonParallelizable]
public class UnboundedInputTests
{
    private const int Limit = DurableLoggerOptions.DefaultMaxRecordBytes;

    /// <summary>A log call may allocate this many times the limit beyond its input (documented in reliability.md).</summary>
    private const int AllowedMultiple = 32;

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    [CancelAfter(60_000)]
    public void AMessageOf170MillionCharactersIsWrittenCutAndNeverDropped(DurableLogFormat format)
    {
        var message = new string('a', 170_000_000);
        using var capture = new LineCapture(format);

        capture.Logger().Log(LogLevel.Information, default, message, null, static (text, _) => text);

        var line = capture.SingleLine();
        TestContext.Out.WriteLine($"{format}: a message of {message.Length:N0} characters written as a line of {capture.Records[0].Length:N0} bytes");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(capture.Provider.LostRecords, Is.Zero, "not dropped");
            Assert.That(capture.Records[0], Has.Length.LessThanOrEqualTo(Limit));
            Assert.That(capture.Records[0], Has.Length.GreaterThanOrEqualTo(Limit * 98 / 100), "the cut record uses the space it is allowed");
            Assert.That(format == DurableLogFormat.Json ? JsonLine.Parse(line).GetProperty("truncated").GetBoolean() : line.EndsWith(" truncated=true", StringComparison.Ordinal), Is.True);
        }
    }

    [TestCase(DurableLogFormat.Json)]
    [TestCase(DurableLogFormat.Text)]
    [CancelAfter(60_000)]
    public void AHundredMillionControlCharactersCostASmallMultipleOfTheLimitAndLeaveNothingHeld(DurableLogFormat format)
    {
        // Each escapes to six bytes: escaped whole, the message would take 600 MB.
        var message = new string('\u0001', 100_000_000);
        using var capture = new LineCapture(format);
        var logger = capture.Logger();
        logger.LogInformation("warm-up");
        var held = GC.GetTotalMemory(forceFullCollection: true);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        logger.Log(LogLevel.Information, default, message, null, static (text, _) => text);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var record = capture.Records[^1];
        capture.Dispose();
        GC.KeepAlive(message);
        message = null;
        var heldAfter = GC.GetTotalMemory(forceFullCollection: true) - held;

        TestContext.Out.WriteLine($"{format}: 100,000,000 control characters: {allocated:N0} bytes allocated by the log call ({(double)allocated / Limit:0.0} x the limit), {heldAfter:N0} bytes more held after it, a line of {record.Length:N0} bytes");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(allocated, Is.LessThan((long)AllowedMultiple * Limit), "a small multiple of the limit beyond the input");
            Assert.That(heldAfter, Is.LessThan(16L * 1024 * 1024), "no large buffer is kept after the record (the pool included)");
            Assert.That(record, Has.Length.LessThanOrEqualTo(Limit).And.Length.GreaterThanOrEqualTo(Limit * 95 / 100));
        }
    }

    public static IEnumerable<TestCaseData> LargeRecords()
    {
        foreach (var format in new[] { DurableLogFormat.Json, DurableLogFormat.Text })
        {
            yield return new TestCaseData(format, "a message of 1 MB", (Action<ILogger>)(logger => logger.Log(LogLevel.Information, default, new string('m', 1_000_000), null, static (text, _) => text)));
            yield return new TestCaseData(format, "a message of 1 MB of quotes", (Action<ILogger>)(logger => logger.Log(LogLevel.Information, default, new string('"', 1_000_000), null, static (text, _) => text)));
            yield return new TestCaseData(format, "a scope value of 1 MB", (Action<ILogger>)(logger =>
            {
                using (logger.BeginScope(new Dictionary<string, object?> { ["Payload"] = new string('p', 1_000_000) }))
                {
                    logger.LogInformation("Scoped");
                }
            }));
            yield return new TestCaseData(format, "an exception message of 1 MB", (Action<ILogger>)(logger => logger.LogError(new InvalidOperationException(new string('e', 1_000_000)), "Failed")));
        }
    }

    [TestCaseSource(nameof(LargeRecords))]
    public void ACutRecordUsesTheSpaceItIsAllowed(DurableLogFormat format, string shape, Action<ILogger> log)
    {
        using var capture = new LineCapture(format);

        log(capture.Logger());

        var record = capture.Records[0];
        var line = capture.SingleLine();
        TestContext.Out.WriteLine($"{format}, {shape}: cut to {record.Length:N0} bytes of {Limit:N0} ({100.0 * record.Length / Limit:0.0} %)");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record, Has.Length.LessThanOrEqualTo(Limit));
            Assert.That(record, Has.Length.GreaterThanOrEqualTo(Limit * 95 / 100), $"{shape} fills at least 95 % of the limit");
            if (format == DurableLogFormat.Json)
            {
                Assert.That(JsonLine.Parse(line).GetProperty("truncated").GetBoolean(), Is.True);
            }
        }
    }
}
