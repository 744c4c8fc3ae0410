using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Output;

/// <summary>The recording sink keeps exactly the lines the provider wrote, for tests of the code that logs.</summary>
[TestFixture]
public class RecordingLogSinkTests
{
    [Test]
    public void ItKeepsEachRecordAsALineWithoutItsNewlineInOrder()
    {
        var sink = new RecordingLogSink();

        sink.Write("first\n"u8);
        sink.Write("second ü 😀\n"u8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Lines, Is.EqualTo(Expected.Sequence("first", "second ü 😀")));
            Assert.That(sink.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public void ItRejectsARecordThatDoesNotEndWithANewline()
    {
        var sink = new RecordingLogSink();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => sink.Write("no newline"u8), Throws.ArgumentException);
            Assert.That(() => sink.Write(ReadOnlySpan<byte>.Empty), Throws.ArgumentException);
            Assert.That(sink.Count, Is.Zero);
        }
    }

    [Test]
    public void JsonRecordsParsesEveryLine()
    {
        var sink = new RecordingLogSink();
        sink.Write("{\"message\":\"one\",\"n\":1}\n"u8);
        sink.Write("{\"message\":\"two\",\"n\":2}\n"u8);

        var records = sink.JsonRecords();

        Assert.That(records, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records[0].GetProperty("message").GetString(), Is.EqualTo("one"));
            Assert.That(records[1].GetProperty("n").GetInt32(), Is.EqualTo(2));
        }
    }

    [Test]
    public void JsonRecordsNamesTheRecordThatIsNotJson()
    {
        var sink = new RecordingLogSink();
        sink.Write("{\"message\":\"one\"}\n"u8);
        sink.Write("2026-07-22T10:11:12.345Z\t\tINFO\tplain text\n"u8);

        Assert.That(() => sink.JsonRecords(), Throws.InstanceOf<JsonException>().With.Message.Contain("Record 1").And.Message.Contain("plain text"));
    }

    [Test]
    public void ClearForgetsEveryRecord()
    {
        var sink = new RecordingLogSink();
        sink.Write("first\n"u8);

        sink.Clear();
        sink.Write("second\n"u8);

        Assert.That(sink.Lines, Is.EqualTo(Expected.Sequence("second")));
    }

    [Test]
    public void LinesIsASnapshotThatLaterRecordsDoNotChange()
    {
        var sink = new RecordingLogSink();
        sink.Write("first\n"u8);

        var snapshot = sink.Lines;
        sink.Write("second\n"u8);

        Assert.That(snapshot, Is.EqualTo(Expected.Sequence("first")));
    }

    [Test]
    public void RecordsWrittenFromManyThreadsAtOnceAreAllKeptWhole()
    {
        var sink = new RecordingLogSink();

        Parallel.For(0, 8, thread =>
        {
            for (var i = 0; i < 1000; i++)
            {
                sink.Write(Encoding.UTF8.GetBytes($"{{\"thread\":{thread},\"i\":{i}}}\n"));
            }
        });

        var records = sink.JsonRecords();
        Assert.That(records, Has.Count.EqualTo(8000));
        Assert.That(records, Has.All.Matches<JsonElement>(record => record.GetProperty("i").GetInt32() is >= 0 and < 1000));
    }

    [Test]
    public void RegisteredInPlaceOfStandardOutputItReceivesTheProvidersLines()
    {
        var sink = new RecordingLogSink();
        var services = new ServiceCollection();
        services.AddDurableLogging(options => options.Format = DurableLogFormat.Json).AddSingleton<ILogSink>(sink);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILogger<RecordingLogSinkTests>>().LogInformation("Order placed");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.JsonRecords()[0].GetProperty("message").GetString(), Is.EqualTo("Order placed"));
            Assert.That(sink.JsonRecords()[0].GetProperty("category").GetString(), Is.EqualTo(typeof(RecordingLogSinkTests).FullName));
        }
    }
}
