using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Output;

/// <summary>
/// A sink that throws never throws into the code that logged: the record is counted in
/// <see cref="DurableLoggerProvider.LostRecords"/>, and the trouble is reported once when it starts and
/// once when it ends.
/// </summary>
[TestFixture]
public class SinkFailureTests
{
    public static IEnumerable<Exception> SinkFailures()
    {
        yield return new IOException("Broken pipe");
        yield return new ObjectDisposedException("stdout");
        yield return new InvalidOperationException("sink is closed");
        yield return new UnauthorizedAccessException("no access to the stream");
    }

    [TestCaseSource(nameof(SinkFailures))]
    public void ASinkThatThrowsNeverThrowsIntoTheCallerAndEachLostRecordIsCounted(Exception failure)
    {
        var sink = new SwitchableSink { Failure = failure };
        using var logging = Logging(sink);
        var logger = logging.Logger();

        Assert.That(
            () =>
            {
                logger.LogInformation("first");
                logger.LogError(new InvalidOperationException("app failure"), "second");
                logger.LogCritical("third {Value}", 3);
            },
            Throws.Nothing);
        Assert.That(Provider(logging).LostRecords, Is.EqualTo(3));
    }

    [Test]
    public void RecordsAreWrittenAgainOnceTheSinkRecoversAndTheCountOfLostRecordsStays()
    {
        var sink = new SwitchableSink();
        using var logging = Logging(sink);
        var logger = logging.Logger();

        logger.LogInformation("before");
        sink.Failure = new IOException("Broken pipe");
        logger.LogInformation("lost 1");
        logger.LogInformation("lost 2");
        sink.Failure = null;
        logger.LogInformation("after");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Provider(logging).LostRecords, Is.EqualTo(2));
            Assert.That(sink.Lines.Select(line => JsonLine.String(JsonLine.Parse(line), "message")), Is.EqualTo(Expected.Sequence("before", "after")));
        }
    }

    [Test]
    public void AProviderWhoseSinkWorksHasLostNoRecords()
    {
        var sink = new SwitchableSink();
        using var logging = Logging(sink);

        logging.Logger().LogInformation("written");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Provider(logging).LostRecords, Is.Zero);
            Assert.That(sink.Lines, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void AStandardOutputStreamThatFailsIsCountedAndNeverThrowsIntoTheCaller()
    {
        using var logging = new TestLogging(
            options => options.Format = DurableLogFormat.Json,
            builder => builder.Services.AddSingleton<ILogSink>(new StandardOutputSink(new StandardOutputSinkTests.FailingStream())));

        Assert.That(() => logging.Logger().LogInformation("lost"), Throws.Nothing);
        Assert.That(Provider(logging).LostRecords, Is.EqualTo(1));
    }

    [Test]
    public void TheFirstFailureIsReportedOnceNamingTheDestinationAndTheException()
    {
        var reports = new List<string>();
        var report = new SinkFailureReport("standard output", reports.Add);

        report.Failed(new IOException("Broken pipe"));
        report.Failed(new IOException("Broken pipe"));
        report.Failed(new IOException("Broken pipe"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Lost, Is.EqualTo(3));
            Assert.That(reports, Has.Count.EqualTo(1));
            Assert.That(reports[0], Does.Contain("standard output").And.Contain(nameof(IOException)).And.Contain("Broken pipe"));
        }
    }

    [Test]
    public void RecoveryIsReportedOnceWithHowManyRecordsWereLost()
    {
        var reports = new List<string>();
        var report = new SinkFailureReport("standard output", reports.Add);

        report.Recovered();
        report.Failed(new IOException("Broken pipe"));
        report.Failed(new IOException("Broken pipe"));
        report.Recovered();
        report.Recovered();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reports, Has.Count.EqualTo(2));
            Assert.That(reports[^1], Does.Contain("standard output").And.Contain("2 record(s)"));
            Assert.That(report.Lost, Is.EqualTo(2));
        }
    }

    [Test]
    public void ASecondOutageIsReportedAgainAndCountsOnlyItsOwnLostRecords()
    {
        var reports = new List<string>();
        var report = new SinkFailureReport("RecordingLogSink", reports.Add);

        report.Failed(new IOException("first"));
        report.Recovered();
        report.Failed(new IOException("second"));
        report.Failed(new IOException("second"));
        report.Failed(new IOException("second"));
        report.Recovered();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reports, Has.Count.EqualTo(4));
            Assert.That(reports[2], Does.Contain("second"));
            Assert.That(reports[3], Does.Contain("3 record(s)"));
            Assert.That(report.Lost, Is.EqualTo(4));
        }
    }

    [Test]
    public void AReportThatThrowsIsSwallowedAndTheCountStillKept()
    {
        var report = new SinkFailureReport("standard output", _ => throw new IOException("stderr is gone too"));

        Assert.That(
            () =>
            {
                report.Failed(new IOException("Broken pipe"));
                report.Recovered();
            },
            Throws.Nothing);
        Assert.That(report.Lost, Is.EqualTo(1));
    }

    private static TestLogging Logging(ILogSink sink) => new(
        options => options.Format = DurableLogFormat.Json,
        builder => builder.Services.AddSingleton(sink));

    private static DurableLoggerProvider Provider(TestLogging logging) =>
        logging.Services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();

    /// <summary>A sink that records lines, or throws while <see cref="Failure"/> is set.</summary>
    private sealed class SwitchableSink : ILogSink
    {
        private readonly RecordingLogSink _recorded = new();

        public Exception? Failure { get; set; }

        public IReadOnlyList<string> Lines => _recorded.Lines;

        public void Write(ReadOnlySpan<byte> record)
        {
            if (Failure is { } failure)
            {
                throw failure;
            }

            _recorded.Write(record);
        }
    }
}
