using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Logging;

/// <summary>
/// After its provider is disposed (the host shutting down), a logger still writes, as
/// <c>Microsoft.Extensions.Logging</c>'s console provider does: the records logged while a process stops
/// are the ones that say why. It writes with the settings in force at disposal; later configuration
/// changes no longer reach it. Disposing twice is harmless.
/// </summary>
[TestFixture]
public class DisposedProviderTests
{
    [Test]
    public void ALoggerOfADisposedProviderStillWritesWithTheSettingsInForceAtDisposal()
    {
        var sink = new RecordingLogSink();
        var options = new ChangingOptionsMonitor(new DurableLoggerOptions { Format = DurableLogFormat.Json });
        var provider = new DurableLoggerProvider(options, sink, new FakeTimeProvider(TestLogging.Now), filters: null);
        var logger = provider.CreateLogger("Shutdown");

        provider.Dispose();
        options.Change(new DurableLoggerOptions { Format = DurableLogFormat.Text });
        logger.LogWarning("Stopping after {Seconds} s", 3);
        provider.CreateLogger("Late").LogError("Created after disposal");

        var records = sink.JsonRecords();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Select(record => record.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("Stopping after 3 s", "Created after disposal")), "still JSON: the change after disposal is not applied");
            Assert.That(records[0].GetProperty("level").GetString(), Is.EqualTo("WARN"));
            Assert.That(logger.IsEnabled(LogLevel.Information), Is.True);
            Assert.That(provider.LostRecords, Is.Zero);
        }
    }

    [Test]
    public void DisposingAProviderTwiceIsHarmless()
    {
        var provider = new DurableLoggerProvider(new StaticOptionsMonitor(new DurableLoggerOptions()), new RecordingLogSink());

        provider.Dispose();

        Assert.That(provider.Dispose, Throws.Nothing);
    }

    [Test]
    public void ALoggerOfADisposedFactoryWritesThroughTheProvidersLoggerItAlreadyHolds()
    {
        using var logging = new TestLogging(options => options.Format = DurableLogFormat.Json);
        var logger = logging.Logger("Shutdown");

        logging.Dispose();
        logger.LogInformation("After the host stopped");

        Assert.That(logging.Sink.JsonRecords().Select(record => record.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("After the host stopped")));
    }
}
