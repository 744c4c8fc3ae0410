using System;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Replay;

/// <summary>
/// A replayed call costs no formatting: neither the message nor any value is turned into text, through
/// LoggerMessage-generated call sites and plain extension methods alike.
/// </summary>
[TestFixture]
public partial class GatedFormattingTests
{
    [Test]
    public void AGeneratedCallSiteFormatsNothingWhileReplaying()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var value = new CountingValue();

        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: true)))
        {
            LogProbe(logger, value);
            LogProbeAtDebug(logger, value);
        }

        Assert.Multiple(() =>
        {
            Assert.That(value.ToStringCalls, Is.Zero);
            Assert.That(logging.Sink.Count, Is.Zero);
        });
    }

    [Test]
    public void AGeneratedCallSiteFormatsOnceLive()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var value = new CountingValue();
        var context = new DurableContextState("arn:exec", isReplaying: true);

        using (DurableLogContext.EnterContext(context))
        {
            context.GoLive();
            LogProbe(logger, value);
        }

        Assert.Multiple(() =>
        {
            Assert.That(value.ToStringCalls, Is.GreaterThan(0));
            Assert.That(logging.Records.Single().GetProperty("message").GetString(), Is.EqualTo("Probe counted"));
        });
    }

    [Test]
    public void APlainExtensionMethodFormatsNothingWhileReplaying()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var value = new CountingValue();

        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: true)))
        {
            logger.LogInformation("Probe {Value}", value);
            logger.LogWarning(new InvalidOperationException("replayed"), "Probe {Value} failed", value);
            logger.Log(LogLevel.Critical, new EventId(7, "Probe"), "Probe {Value}", value);
        }

        Assert.Multiple(() =>
        {
            Assert.That(value.ToStringCalls, Is.Zero);
            Assert.That(logging.Sink.Count, Is.Zero);
        });
    }

    [Test]
    public void AStateWithItsOwnFormatterIsNotLookedAtWhileReplaying()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var state = new CountingState();

        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: true)))
        {
            logger.Log(LogLevel.Information, new EventId(1), state, null, CountingState.Formatter);
            logger.Log(LogLevel.Error, new EventId(2), state, new InvalidOperationException("replayed"), CountingState.Formatter);
        }

        Assert.Multiple(() =>
        {
            Assert.That(state.FormatCalls, Is.Zero);
            Assert.That(state.ToStringCalls, Is.Zero);
            Assert.That(state.ValueReads, Is.Zero);
            Assert.That(logging.Sink.Count, Is.Zero);
        });
    }

    [Test]
    public void TheCountingStateIsLookedAtWhenALineIsWritten()
    {
        using var logging = Json(ReplayMode.Suppress);
        var logger = logging.Logger();
        var state = new CountingState();

        logger.Log(LogLevel.Information, new EventId(1), state, null, CountingState.Formatter);

        var record = logging.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(state.FormatCalls, Is.EqualTo(1));
            Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("counting state formatted"));
            Assert.That(record.GetProperty("Counted").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public void AProviderLoggerCalledDirectlyFormatsNothingWhileReplaying()
    {
        using var logging = Json(ReplayMode.Suppress);
        using var provider = new DurableLoggerProvider(
            new StaticOptionsMonitor(new DurableLoggerOptions { Format = DurableLogFormat.Json }),
            logging.Sink);
        var logger = provider.CreateLogger("Direct");
        var state = new CountingState();

        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: true)))
        {
            logger.Log(LogLevel.Critical, default, state, null, CountingState.Formatter);
        }

        Assert.Multiple(() =>
        {
            Assert.That(state.Looks, Is.Zero);
            Assert.That(logging.Sink.Count, Is.Zero);
        });
    }

    [TestCase(ReplayMode.Emit)]
    [TestCase(ReplayMode.Mark)]
    public void ReplayedLinesAreFormattedWhenTheModeWritesThem(ReplayMode mode)
    {
        using var logging = Json(mode);
        var logger = logging.Logger();
        var value = new CountingValue();

        using (DurableLogContext.EnterContext(new DurableContextState("arn:exec", isReplaying: true)))
        {
            LogProbe(logger, value);
        }

        Assert.Multiple(() =>
        {
            Assert.That(value.ToStringCalls, Is.GreaterThan(0));
            Assert.That(logging.Records.Single().GetProperty("message").GetString(), Is.EqualTo("Probe counted"));
        });
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Probe {Value}")]
    private static partial void LogProbe(ILogger logger, CountingValue value);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Debug probe {Value}", SkipEnabledCheck = true)]
    private static partial void LogProbeAtDebug(ILogger logger, CountingValue value);

    private static TestLogging Json(ReplayMode mode) => new(o =>
    {
        o.Format = DurableLogFormat.Json;
        o.ReplayMode = mode;
    });
}
