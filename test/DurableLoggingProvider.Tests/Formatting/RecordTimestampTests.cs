using System;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// Timestamps come from the registered <see cref="TimeProvider"/> and are written as Lambda writes them:
/// RFC 3339, UTC, milliseconds (<c>2026-07-22T10:11:12.345Z</c>).
/// </summary>
[TestFixture]
public class RecordTimestampTests
{
    [Test]
    public void TheJsonTimestampIsTheRegisteredClocksTimeInLambdasForm()
    {
        using var capture = LineCapture.Json();

        capture.Logger().LogInformation("Now");

        Assert.That(JsonLine.String(capture.SingleJson(), "timestamp"), Is.EqualTo("2026-07-22T10:11:12.345Z"));
    }

    [Test]
    public void TheTextTimestampIsTheFirstColumnInTheSameForm()
    {
        using var capture = LineCapture.Text();

        capture.Logger().LogInformation("Now");

        Assert.That(capture.SingleLine(), Does.StartWith("2026-07-22T10:11:12.345Z\t"));
    }

    [Test]
    public void ATimeWithAnOffsetIsWrittenInUtc()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 1, 4, 5, 678, TimeSpan.FromHours(-5)));
        using var capture = new LineCapture(DurableLogFormat.Json, time: time);

        capture.Logger().LogInformation("Now");

        Assert.That(JsonLine.String(capture.SingleJson(), "timestamp"), Is.EqualTo("2026-01-02T06:04:05.678Z"));
    }

    [Test]
    public void EveryPartIsZeroPadded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 2, 3, 4, 5, 6, 7, TimeSpan.Zero));
        using var capture = new LineCapture(DurableLogFormat.Json, time: time);

        capture.Logger().LogInformation("Now");

        Assert.That(JsonLine.String(capture.SingleJson(), "timestamp"), Is.EqualTo("2031-02-03T04:05:06.007Z"));
    }

    [Test]
    public void TimeFinerThanAMillisecondIsDroppedNotRoundedUp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(9_999));
        using var capture = new LineCapture(DurableLogFormat.Json, time: time);

        capture.Logger().LogInformation("Now");

        Assert.That(JsonLine.String(capture.SingleJson(), "timestamp"), Is.EqualTo("2026-12-31T23:59:59.999Z"));
    }

    [Test]
    public void EachRecordReadsTheClockWhenItIsWritten()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 22, 10, 0, 0, TimeSpan.Zero));
        using var capture = new LineCapture(DurableLogFormat.Json, time: time);
        var logger = capture.Logger();

        logger.LogInformation("First");
        time.Advance(TimeSpan.FromMilliseconds(1500));
        logger.LogInformation("Second");

        var lines = capture.Lines();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(JsonLine.Parse(lines[0]), "timestamp"), Is.EqualTo("2026-07-22T10:00:00.000Z"));
            Assert.That(JsonLine.String(JsonLine.Parse(lines[1]), "timestamp"), Is.EqualTo("2026-07-22T10:00:01.500Z"));
        }
    }

    [Test]
    public void EverySecondIsWrittenWhateverOrderTheLinesComeIn()
    {
        // A thread keeps the text of its last second: lines within it, the next second, a clock set back by a
        // second and by a day, and the same second again must each be written from their own time.
        var start = new DateTimeOffset(2026, 12, 31, 23, 59, 58, 100, TimeSpan.Zero);
        var time = new SettableClock();
        using var capture = new LineCapture(DurableLogFormat.Json, time: time);
        var logger = capture.Logger();
        DateTimeOffset[] moments =
        [
            start, start.AddMilliseconds(899), start.AddMilliseconds(900), start.AddSeconds(2), start.AddSeconds(1),
            start.AddDays(-1), start.AddDays(-1).AddMilliseconds(5), start,
        ];

        foreach (var moment in moments)
        {
            time.Now = moment;
            logger.LogInformation("Now");
        }

        var lines = capture.Lines();
        Assert.That(
            lines.Select(line => JsonLine.String(JsonLine.Parse(line), "timestamp")),
            Is.EqualTo(new[]
            {
                "2026-12-31T23:59:58.100Z", "2026-12-31T23:59:58.999Z", "2026-12-31T23:59:59.000Z", "2027-01-01T00:00:00.100Z",
                "2026-12-31T23:59:59.100Z", "2026-12-30T23:59:58.100Z", "2026-12-30T23:59:58.105Z", "2026-12-31T23:59:58.100Z",
            }));
    }

    /// <summary>A clock that can be set back, which <see cref="FakeTimeProvider"/> refuses.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
