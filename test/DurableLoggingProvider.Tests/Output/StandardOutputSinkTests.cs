using System;
using System.IO;
using System.IO.Pipes;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Output;

/// <summary>
/// The standard output sink writes each record's bytes as they are, synchronously, flushed and whole,
/// so every record is on the stream before the log call returns (Lambda freezes the process after).
/// </summary>
[TestFixture]
public class StandardOutputSinkTests
{
    [Test]
    public void ItWritesEachRecordsBytesUnchangedAndInOrder()
    {
        using var stream = new MemoryStream();
        var sink = new StandardOutputSink(stream);

        sink.Write("{\"message\":\"first\"}\n"u8);
        sink.Write("second ü 😀\n"u8);

        Assert.That(stream.ToArray(), Is.EqualTo("{\"message\":\"first\"}\nsecond ü 😀\n"u8.ToArray()));
    }

    [Test]
    public void ItFlushesEachRecordSoNothingWaitsInABuffer()
    {
        using var stream = new MemoryStream();
        using var buffered = new BufferedStream(stream, 64 * 1024);
        var sink = new StandardOutputSink(buffered);

        sink.Write("one record\n"u8);

        Assert.That(stream.ToArray(), Is.EqualTo("one record\n"u8.ToArray()));
    }

    [Test]
    public void ARecordLoggedThroughTheProviderIsOnTheStreamWhenTheLogCallReturns()
    {
        using var stream = new MemoryStream();
        using var logging = new TestLogging(
            options => options.Format = DurableLogFormat.Json,
            builder => builder.Services.AddSingleton<ILogSink>(new StandardOutputSink(stream)));

        logging.Logger().LogInformation("Order {OrderId} placed", 42);

        var line = LineCapture.ToLine(stream.ToArray());
        var record = JsonLine.Parse(line);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLine.String(record, "message"), Is.EqualTo("Order 42 placed"));
            Assert.That(record.GetProperty("OrderId").GetInt32(), Is.EqualTo(42));
        }
    }

    [Test]
    public void ARecordLoggedToAPipeIsInThePipeWhenTheLogCallReturns()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        using var writer = new AnonymousPipeClientStream(PipeDirection.Out, reader.ClientSafePipeHandle);
        using var logging = new TestLogging(
            options => options.Format = DurableLogFormat.Text,
            builder => builder.Services.AddSingleton<ILogSink>(new StandardOutputSink(writer)));

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1") { TraceId = null }))
        {
            logging.Logger().LogWarning("Through a pipe");
        }

        // Closing the writing end makes the read end at what was written, so a missing record fails rather than hangs.
        writer.Dispose();
        using var received = new MemoryStream();
        reader.CopyTo(received);
        Assert.That(
            Encoding.UTF8.GetString(received.ToArray()),
            Is.EqualTo("2026-07-22T10:11:12.345Z\treq-1\tWARN\tThrough a pipe category=Tests.Category\n"));
    }

    [Test]
    public void RecordsFromManyThreadsAtOnceNeverInterleave()
    {
        using var stream = new MemoryStream();
        var sink = new StandardOutputSink(stream);
        const int Threads = 8;
        const int RecordsPerThread = 500;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var i = 0; i < RecordsPerThread; i++)
            {
                // Records of different lengths, some larger than a typical stream buffer.
                var body = new string((char)('a' + thread), 1 + (i * 37 % 9000));
                sink.Write(Encoding.UTF8.GetBytes($"{thread}:{i}:{body}\n"));
            }
        });

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n')[..^1];
        Assert.That(lines, Has.Length.EqualTo(Threads * RecordsPerThread));
        var malformed = lines.Where(line =>
        {
            var parts = line.Split(':');
            if (parts.Length != 3 || !int.TryParse(parts[0], out var thread) || !int.TryParse(parts[1], out var i))
            {
                return true;
            }

            return parts[2] != new string((char)('a' + thread), 1 + (i * 37 % 9000));
        });
        Assert.That(malformed, Is.Empty);
    }

    [Test]
    public void AStreamThatFailsPassesItsExceptionToTheProvider()
    {
        var sink = new StandardOutputSink(new FailingStream());

        Assert.That(() => sink.Write("record\n"u8), Throws.InstanceOf<IOException>());
    }

    /// <summary>A stream whose writes fail, as standard output does when its reader is gone.</summary>
    internal sealed class FailingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("Broken pipe");
    }
}
