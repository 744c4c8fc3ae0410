using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Buffering;

/// <summary>
/// Log buffering per invocation (issue 15): lines below HoldBelow are held and written, in order with their own
/// timestamps, when a line at FlushAt is logged in the same invocation or the invocation ends FAILED; dropped when it
/// ends SUCCEEDED or PENDING; never held from replayed code; bounded in bytes with the evictions counted.
/// </summary>
[TestFixture]
public class InvocationBufferingTests
{
    [Test]
    public void HeldLinesAreWrittenInOrderBeforeTheErrorThatFlushesThem()
    {
        using var logging = Buffered();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("request-1")))
        using (DurableLogContext.EnterContext(BufferedLogging.Live()))
        {
            logging.Logger.LogDebug("reserving stock");
            logging.Logger.LogTrace("stock reserved");
            logging.Logger.LogInformation("charging the card");
            Assert.That(logging.Messages, Is.EqualTo(new[] { "charging the card" }), "Information is not held");

            logging.Logger.LogError("card declined");
        }

        Assert.That(logging.Messages, Is.EqualTo(new[] { "charging the card", "reserving stock", "stock reserved", "card declined" }));
    }

    [Test]
    public void AHeldLineKeepsTheTimestampOfTheMomentItWasLogged()
    {
        using var logging = Buffered();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("request-1")))
        {
            logging.Logger.LogDebug("reserving stock");
            logging.Clock.Advance(TimeSpan.FromSeconds(3));
            logging.Logger.LogError("card declined");
        }

        var timestamps = logging.Records.Select(record => record.GetProperty("timestamp").GetString()).ToList();
        Assert.That(timestamps, Is.EqualTo(new[] { "2026-12-01T09:00:00.000Z", "2026-12-01T09:00:03.000Z" }));
    }

    [Test]
    public void AWarningDoesNotFlushWhenTheFlushLevelIsError()
    {
        using var logging = Buffered();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("request-1")))
        {
            logging.Logger.LogDebug("reserving stock");
            logging.Logger.LogWarning("stock is low");
        }

        Assert.That(logging.Messages, Is.EqualTo(new[] { "stock is low" }));
    }

    [TestCase(InvocationOutcome.Succeeded)]
    [TestCase(InvocationOutcome.Pending)]
    public void HeldLinesAreDroppedWhenTheInvocationEndsWithout(InvocationOutcome outcome)
    {
        using var logging = Buffered();
        var invocation = new LambdaInvocation("request-1");
        using (DurableLogContext.BeginInvocation(invocation))
        {
            logging.Logger.LogDebug("reserving stock");
            DurableLogContext.EndInvocation(invocation, outcome);
        }

        logging.Provider.Dispose();
        Assert.That(logging.Sink.Count, Is.Zero, "dropped at the end, so disposing has nothing left to write");
    }

    [Test]
    public void HeldLinesAreWrittenWhenTheInvocationEndsFailed()
    {
        using var logging = Buffered();
        var invocation = new LambdaInvocation("request-1");
        using (DurableLogContext.BeginInvocation(invocation))
        {
            logging.Logger.LogDebug("reserving stock");
            DurableLogContext.EndInvocation(invocation, InvocationOutcome.Failed);
            DurableLogContext.EndInvocation(invocation, InvocationOutcome.Failed);
        }

        Assert.That(logging.Records.Select(record => (record.GetProperty("message").GetString(), record.GetProperty("requestId").GetString())),
            Is.EqualTo(new[] { ("reserving stock", "request-1") }), "written once, with its invocation's request id");
    }

    [Test]
    public void AFailureFlushesOnlyTheFailedInvocationsLines()
    {
        using var logging = Buffered();
        var first = new LambdaInvocation("request-1");
        var second = new LambdaInvocation("request-2");
        using (DurableLogContext.BeginInvocation(first))
        {
            logging.Logger.LogDebug("first invocation's detail");
        }

        using (DurableLogContext.BeginInvocation(second))
        {
            logging.Logger.LogDebug("second invocation's detail");
            DurableLogContext.EndInvocation(second, InvocationOutcome.Failed);
        }

        Assert.That(logging.Messages, Is.EqualTo(new[] { "second invocation's detail" }));
    }

    [Test]
    public void NothingIsHeldFromReplayedCodeEvenWhenTheGateLetsItsLinesThrough()
    {
        using var logging = Buffered(options => options.ReplayMode = ReplayMode.Mark);
        var invocation = new LambdaInvocation("request-2");
        var replaying = new DurableContextState(BufferedLogging.ExecutionArn, isReplaying: true);
        using (DurableLogContext.BeginInvocation(invocation))
        using (DurableLogContext.EnterContext(replaying))
        {
            logging.Logger.LogDebug("replayed detail");
            logging.Logger.LogInformation("replayed step started");
            replaying.GoLive();
            logging.Logger.LogDebug("new detail");
            DurableLogContext.EndInvocation(invocation, InvocationOutcome.Failed);
        }

        Assert.That(logging.Messages, Is.EqualTo(new[] { "replayed step started", "new detail" }));
    }

    [Test]
    public void EvictedLinesAreTheOldestAndTheirCountGoesOnTheNextLineWritten()
    {
        const int logged = 40;
        using var logging = Buffered(options => options.Buffering.MaxBytes = LogBufferingOptions.MinMaxBytes);
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("request-1")))
        {
            for (var i = 0; i < logged; i++)
            {
                logging.Logger.LogDebug("detail {Number}", i);
            }

            logging.Logger.LogError("card declined");
        }

        var records = logging.Records;
        var held = records.Take(records.Count - 1).Select(record => record.GetProperty("Number").GetInt32()).ToList();
        var error = records[^1];
        var evicted = error.GetProperty("bufferEvicted").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(evicted, Is.GreaterThan(0), "40 lines do not fit in 1 KiB");
            Assert.That(held, Is.EqualTo(Enumerable.Range(evicted, logged - evicted)), "the newest kept, in order");
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("card declined"));
            Assert.That(records.Take(records.Count - 1).Any(record => record.TryGetProperty("bufferEvicted", out _)), Is.False);
        });
    }

    [Test]
    public void EvictionsBeforeAFailedEndAreCountedOnALineOfTheirOwn()
    {
        using var logging = Buffered(options => options.Buffering.MaxBytes = LogBufferingOptions.MinMaxBytes);
        var invocation = new LambdaInvocation("request-1");
        using (DurableLogContext.BeginInvocation(invocation))
        {
            for (var i = 0; i < 40; i++)
            {
                logging.Logger.LogDebug("detail {Number}", i);
            }

            DurableLogContext.EndInvocation(invocation, InvocationOutcome.Failed);
        }

        var records = logging.Records;
        var note = records[^1];
        var kept = records.Count - 1;
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("level").GetString(), Is.EqualTo("WARN"));
            Assert.That(note.GetProperty("requestId").GetString(), Is.EqualTo("request-1"));
            Assert.That(note.GetProperty("bufferEvicted").GetInt32(), Is.EqualTo(40 - kept));
        });
    }

    [Test]
    public void DisposingTheProviderWritesWhatIsHeld()
    {
        using var logging = Buffered();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("request-1")))
        {
            logging.Logger.LogDebug("reserving stock");
        }

        logging.Provider.Dispose();
        Assert.That(logging.Messages, Is.EqualTo(new[] { "reserving stock" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DisposingTheProviderAsynchronouslyWritesWhatIsHeld()
    {
        using var logging = Buffered();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("request-1")))
        {
            logging.Logger.LogDebug("reserving stock");
        }

        await logging.Provider.DisposeAsync();
        Assert.That(logging.Messages, Is.EqualTo(new[] { "reserving stock" }));
    }

    [Test]
    public void LinesOutsideAnInvocationAreWrittenAsTheyCome()
    {
        using var logging = Buffered();
        logging.Logger.LogDebug("starting up");

        Assert.That(logging.Messages, Is.EqualTo(new[] { "starting up" }));
    }

    [Test]
    public void WithBufferingOffADebugLineIsWrittenAtOnce()
    {
        using var logging = new BufferedLogging(_ => { });
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("request-1")))
        {
            logging.Logger.LogDebug("reserving stock");
            Assert.That(logging.Messages, Is.EqualTo(new[] { "reserving stock" }));
        }
    }

    private static BufferedLogging Buffered(Action<DurableLoggerOptions>? more = null) => new(options =>
    {
        options.Buffering.Enabled = true;
        more?.Invoke(options);
    });
}
