using System;
using System.IO;
using System.Text;
using DurableLoggingProvider.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Output;

/// <summary>
/// What reaches a descriptor that takes records in parts: a record is continued where the descriptor
/// stopped, so it is written whole and once; a record the descriptor gives up on is lost, counted by the
/// caller (it throws), never written again, and a start of it that went out is ended with a newline
/// before anything else is written.
/// </summary>
[TestFixture]
public class DescriptorRecordWriterTests
{
    private static readonly byte[] s_first = Encoding.ASCII.GetBytes(new string('a', 10_000) + "\n");
    private static readonly byte[] s_second = Encoding.ASCII.GetBytes("second\n");

    [Test]
    public void ARecordTakenInPartsWithFullPipesBetweenIsContinuedAndWrittenWholeOnce()
    {
        var descriptor = new ScriptedDescriptor().Takes(4096).Full(3).Takes(100).Full().Takes(1);
        var writer = new DescriptorRecordWriter(descriptor, TimeSpan.FromSeconds(10));

        writer.Write(s_first);
        writer.Write(s_second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(descriptor.Taken, Is.EqualTo(Concat(s_first, s_second)), "each record once, whole, in order");
            Assert.That(descriptor.Waits, Is.EqualTo(4), "it waited for room each time the pipe was full");
            Assert.That(writer.LineOpen, Is.False);
        }
    }

    [Test]
    public void ARecordGivenUpAfterItsStartWentOutIsLostAndItsStartEndedWithANewline()
    {
        // Zero stall limit: the first write that takes nothing gives the record up. The newline then goes out.
        var descriptor = new ScriptedDescriptor().Takes(4096).Full();
        var writer = new DescriptorRecordWriter(descriptor, TimeSpan.Zero);

        var failure = Assert.Throws<IOException>(() => writer.Write(s_first));
        writer.Write(s_second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure!.Message, Does.Contain("took 4096 of the 10001 bytes").And.Contain("ended with a newline"));
            Assert.That(descriptor.Taken, Is.EqualTo(Concat(s_first[..4096], "\n"u8.ToArray(), s_second)), "the start, a newline, then the next record: the lost one is not written again");
        }
    }

    [Test]
    public void WhenEvenTheNewlineFindsNoRoomItIsWrittenBeforeTheNextRecord()
    {
        var descriptor = new ScriptedDescriptor().Takes(4096).Full(2);
        var writer = new DescriptorRecordWriter(descriptor, TimeSpan.Zero);

        var failure = Assert.Throws<IOException>(() => writer.Write(s_first));
        var lineOpen = writer.LineOpen;
        writer.Write(s_second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure!.Message, Does.Contain("will be ended with a newline before the next record"));
            Assert.That(lineOpen, Is.True);
            Assert.That(descriptor.Taken, Is.EqualTo(Concat(s_first[..4096], "\n"u8.ToArray(), s_second)));
            Assert.That(writer.LineOpen, Is.False);
        }
    }

    [Test]
    public void WhileTheNewlineOfALostRecordCannotBeWrittenTheNextRecordIsLostWholeNotGluedToIt()
    {
        var descriptor = new ScriptedDescriptor().Takes(4096).Full(3);
        var writer = new DescriptorRecordWriter(descriptor, TimeSpan.Zero);

        Assert.Throws<IOException>(() => writer.Write(s_first));
        var second = Assert.Throws<IOException>(() => writer.Write(s_second));
        writer.Write(s_second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second!.Message, Does.Contain("still without its newline"));
            Assert.That(descriptor.Taken, Is.EqualTo(Concat(s_first[..4096], "\n"u8.ToArray(), s_second)));
        }
    }

    [Test]
    public void ARecordOfWhichNothingWentOutIsLostWithoutATrace()
    {
        var descriptor = new ScriptedDescriptor().Full();
        var writer = new DescriptorRecordWriter(descriptor, TimeSpan.Zero);

        var failure = Assert.Throws<IOException>(() => writer.Write(s_first));
        writer.Write(s_second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure!.Message, Does.Contain("took no byte of a record of 10001 bytes"));
            Assert.That(descriptor.Taken, Is.EqualTo(s_second));
        }
    }

    [Test]
    public void ABrokenPipeInTheMiddleOfARecordIsReportedWithHowMuchWentOut()
    {
        var descriptor = new ScriptedDescriptor().Takes(100).Breaks().Breaks();
        var writer = new DescriptorRecordWriter(descriptor, TimeSpan.FromSeconds(10));

        var failure = Assert.Throws<IOException>(() => writer.Write(s_first));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure!.Message, Does.Contain("took 100 of the 10001 bytes").And.Contain("Broken pipe"));
            Assert.That(failure.InnerException, Is.InstanceOf<IOException>());
            Assert.That(writer.LineOpen, Is.True, "no newline was tried on a failing descriptor: it goes before the next record");
        }
    }

    private static byte[] Concat(params byte[][] parts)
    {
        using var all = new MemoryStream();
        foreach (var part in parts)
        {
            all.Write(part);
        }

        return all.ToArray();
    }
}
