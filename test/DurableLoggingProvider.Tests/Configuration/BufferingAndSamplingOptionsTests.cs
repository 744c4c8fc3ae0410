using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Configuration;

/// <summary>The Buffering and Sampling sections bind from configuration, are off by default, and a wrong value fails naming its key.</summary>
[TestFixture]
public class BufferingAndSamplingOptionsTests
{
    [Test]
    public void BufferingAndSamplingAreOffByDefault()
    {
        var options = new DurableLoggerOptions();
        Assert.Multiple(() =>
        {
            Assert.That(options.Buffering.Enabled, Is.False);
            Assert.That(options.Buffering.HoldBelow, Is.EqualTo(LogLevel.Information));
            Assert.That(options.Buffering.FlushAt, Is.EqualTo(LogLevel.Error));
            Assert.That(options.Buffering.MaxBytes, Is.EqualTo(20 * 1024));
            Assert.That(options.Sampling.Rate, Is.Zero);
            Assert.That(options.Sampling.SampledBelow, Is.EqualTo(LogLevel.Information));
        });
    }

    [Test]
    public void TheSectionsBindFromConfiguration()
    {
        var options = Bind(new()
        {
            ["Logging:Durable:Buffering:Enabled"] = "true",
            ["Logging:Durable:Buffering:HoldBelow"] = "warning",
            ["Logging:Durable:Buffering:FlushAt"] = "Critical",
            ["Logging:Durable:Buffering:MaxBytes"] = "4096",
            ["Logging:Durable:Sampling:Rate"] = "0.1",
            ["Logging:Durable:Sampling:SampledBelow"] = "Debug",
        });

        Assert.Multiple(() =>
        {
            Assert.That(options.Buffering.Enabled, Is.True);
            Assert.That(options.Buffering.HoldBelow, Is.EqualTo(LogLevel.Warning));
            Assert.That(options.Buffering.FlushAt, Is.EqualTo(LogLevel.Critical));
            Assert.That(options.Buffering.MaxBytes, Is.EqualTo(4096));
            Assert.That(options.Sampling.Rate, Is.EqualTo(0.1));
            Assert.That(options.Sampling.SampledBelow, Is.EqualTo(LogLevel.Debug));
        });
    }

    [TestCase("Logging:Durable:Sampling:Rate", "1.5", "Logging:Durable:Sampling:Rate is 1.5, which is out of range. Allowed values: 0 to 1 (the share of executions sampled; 0 is off).")]
    [TestCase("Logging:Durable:Sampling:Rate", "often", "Logging:Durable:Sampling:Rate is 'often', which is not a number. Allowed values: 0 to 1 (the share of executions sampled; 0 is off).")]
    [TestCase("Logging:Durable:Buffering:MaxBytes", "10", "Logging:Durable:Buffering:MaxBytes is 10, which is out of range. Allowed values: 1024 to 67108864 (bytes).")]
    [TestCase("Logging:Durable:Buffering:HoldBelow", "Verbose", "Logging:Durable:Buffering:HoldBelow is 'Verbose', which is not one of the allowed values: Trace, Debug, Information, Warning, Error, Critical.")]
    [TestCase("Logging:Durable:Buffering:Enabled", "yes", "Logging:Durable:Buffering:Enabled is 'yes', which is not a boolean. Allowed values: true, false.")]
    public void AWrongValueFailsNamingItsKeyAndTheAllowedValues(string key, string value, string expected)
    {
        var exception = Assert.Throws<DurableLoggerOptionsValidationException>(() => CreateLoggers(new() { [key] = value }));
        Assert.That(exception!.Failures, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void AFlushLevelBelowTheHoldLevelFails()
    {
        var exception = Assert.Throws<DurableLoggerOptionsValidationException>(() => CreateLoggers(new()
        {
            ["Logging:Durable:Buffering:Enabled"] = "true",
            ["Logging:Durable:Buffering:HoldBelow"] = "Warning",
            ["Logging:Durable:Buffering:FlushAt"] = "Debug",
        }));
        Assert.That(exception!.Failures, Is.EqualTo(new[]
        {
            "Logging:Durable:Buffering:FlushAt is Debug, below Logging:Durable:Buffering:HoldBelow (Warning), so a held line would flush itself. Allowed values: a level at or above HoldBelow.",
        }));
    }

    private static DurableLoggerOptions Bind(Dictionary<string, string?> values)
    {
        using var services = Services(values);
        return services.GetRequiredService<IOptionsMonitor<DurableLoggerOptions>>().CurrentValue;
    }

    private static void CreateLoggers(Dictionary<string, string?> values)
    {
        using var services = Services(values);
        services.GetRequiredService<ILoggerFactory>();
    }

    private static ServiceProvider Services(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddSingleton<ILogSink>(new RecordingLogSink())
            .AddLogging(builder => builder.AddConfiguration(configuration.GetSection("Logging")).AddDurableLogging())
            .BuildServiceProvider();
    }
}
