using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipes;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Reliability;

/// <summary>
/// The promise when standard output fails: the code that logs never sees an exception; every record that
/// could not be written is counted in <see cref="DurableLoggerProvider.LostRecords"/>; the trouble is
/// reported once on the error stream (and once more, with the count, when it ends); writing resumes as
/// soon as the stream works again. Through the real <see cref="StandardOutputSink"/>, from many threads.
/// </summary>
[TestFixture]
public class SinkFaultTests
{
    private const int Threads = 8;
    private const int LinesPerThread = 250;

    public static IEnumerable<TestCaseData> Outages()
    {
        yield return new TestCaseData(new IOException("Broken pipe")).SetArgDisplayNames("throws: broken pipe");
        yield return new TestCaseData(new IOException("The operation timed out")).SetArgDisplayNames("throws: timeout");
        yield return new TestCaseData(new ObjectDisposedException("stdout")).SetArgDisplayNames("closed");
        yield return new TestCaseData(new NotSupportedException("Stream does not support writing")).SetArgDisplayNames("not writable");
    }

    [TestCaseSource(nameof(Outages))]
    [CancelAfter(10_000)]
    public async Task DuringAnOutageEveryRecordIsCountedTheOutageIsReportedOnceAndWritingResumesAfter(Exception outage, CancellationToken cancellationToken)
    {
        using var stream = new FaultyStream();
        using var logging = new ReportedLogging(new StandardOutputSink(stream));
        var logger = logging.Logger();

        await LogFromManyThreads(logger, "before", cancellationToken);
        stream.Fail(outage);
        var during = LogFromManyThreads(logger, "during", cancellationToken);
        await during;
        stream.Work();
        await LogFromManyThreads(logger, "after", cancellationToken);

        var messages = ReportedLogging.Messages(stream.Written());
        var reports = logging.Reports;
        TestContext.Out.WriteLine($"{outage.GetType().Name}: {Threads * LinesPerThread * 3} records logged, {messages.Count} written, {logging.Provider.LostRecords} counted as lost, {reports.Count} reports");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(during.IsCompletedSuccessfully, Is.True, "no log call threw");
            Assert.That(logging.Provider.LostRecords, Is.EqualTo(Threads * LinesPerThread), "every record of the outage is counted");
            Assert.That(messages.Count(message => message!.StartsWith("before", StringComparison.Ordinal)), Is.EqualTo(Threads * LinesPerThread));
            Assert.That(messages.Count(message => message!.StartsWith("after", StringComparison.Ordinal)), Is.EqualTo(Threads * LinesPerThread), "writing resumed");
            Assert.That(messages, Has.None.StartsWith("during"));
            Assert.That(reports, Has.Count.EqualTo(2), "one report when the outage starts, one when it ends");
            Assert.That(reports[0], Does.Contain("standard output").And.Contain(outage.GetType().Name).And.Contain(outage.Message));
            Assert.That(reports[^1], Does.Contain("works again").And.Contain($"{Threads * LinesPerThread} record(s)"));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AStreamThatBlocksHoldsTheCallersUntilItMovesAndLosesNothing(CancellationToken cancellationToken)
    {
        using var stream = new FaultyStream();
        using var logging = new ReportedLogging(new StandardOutputSink(stream));
        var logger = logging.Logger();

        stream.Hold();
        var writing = LogFromManyThreads(logger, "held", cancellationToken);

        // One write waits in the stream, the other threads wait for the sink: nothing is dropped meanwhile.
        while (stream.HeldWrites == 0)
        {
            await Task.Delay(10, cancellationToken);
        }

        Assert.That(writing.IsCompleted, Is.False, "the callers wait for the stream");
        stream.Work();
        await writing;

        var messages = ReportedLogging.Messages(stream.Written());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(messages, Has.Count.EqualTo(Threads * LinesPerThread));
            Assert.That(messages.Distinct().Count(), Is.EqualTo(Threads * LinesPerThread));
            Assert.That(logging.Provider.LostRecords, Is.Zero);
            Assert.That(logging.Reports, Is.Empty);
        }
    }

    [Test]
    public void AStandardOutputPipeWhoseReaderHasGoneCountsEveryRecordAndReportsOnce()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        using var writer = new AnonymousPipeClientStream(PipeDirection.Out, reader.ClientSafePipeHandle);
        using var logging = new ReportedLogging(new StandardOutputSink(writer), DurableLogFormat.Text);
        reader.Dispose();

        Assert.That(
            () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    logging.Logger().LogInformation("Into a closed pipe {Number}", i);
                }
            },
            Throws.Nothing);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(logging.Provider.LostRecords, Is.EqualTo(100));
            Assert.That(logging.Reports, Has.Count.EqualTo(1));
            Assert.That(logging.Reports[0], Does.Contain("standard output").And.Contain(nameof(IOException)));
        }
    }

    [Test]
    public void AClosedStreamCountsEveryRecordAndReportsOnce()
    {
        var closed = new MemoryStream();
        closed.Dispose();
        using var logging = new ReportedLogging(new StandardOutputSink(closed));

        Assert.That(() => logging.Logger().LogError(new InvalidOperationException("app failure"), "Lost {Count}", 1), Throws.Nothing);
        Assert.That(() => logging.Logger().LogCritical("Lost too"), Throws.Nothing);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(logging.Provider.LostRecords, Is.EqualTo(2));
            Assert.That(logging.Reports, Has.Count.EqualTo(1));
            Assert.That(logging.Reports[0], Does.Contain(nameof(ObjectDisposedException)));
        }
    }

    /// <summary>Logs <see cref="LinesPerThread"/> lines from each of <see cref="Threads"/> threads at once, each line unique.</summary>
    private static Task LogFromManyThreads(ILogger logger, string phase, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(
            () =>
            {
                for (var line = 0; line < LinesPerThread; line++)
                {
                    logger.LogInformation("{Phase} thread {Thread} line {Line}", phase, thread, line);
                }
            },
            cancellationToken)));
}
