using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Registration;

[TestFixture]
public class AddDurableLoggingTests
{
    [Test]
    public void CallingTheServiceCollectionExtensionTwiceRegistersOneProvider()
    {
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddDurableLogging(o => o.Format = DurableLogFormat.Json);
        services.AddDurableLogging();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Count(), Is.EqualTo(1));
        provider.GetRequiredService<ILoggerFactory>().CreateLogger("Once").LogInformation("written once");
        Assert.That(sink.JsonRecords().Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("written once")));
    }

    [Test]
    public void CallingTheLoggingBuilderExtensionTwiceRegistersOneProvider()
    {
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(builder =>
        {
            builder.AddDurableLogging(o => o.Format = DurableLogFormat.Json);
            builder.AddDurableLogging();
        });
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Count(), Is.EqualTo(1));
        provider.GetRequiredService<ILoggerFactory>().CreateLogger("Once").LogInformation("written once");
        Assert.That(sink.JsonRecords().Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("written once")));
    }

    [Test]
    public void MixingBothExtensionsRegistersOneProviderAndBindsOptionsOnce()
    {
        var services = new ServiceCollection().AddSingleton<ILogSink>(new RecordingLogSink());
        services.AddDurableLogging();
        services.AddLogging(builder => builder.AddDurableLogging());
        services.AddDurableLogging();

        var providerDescriptors = services.Count(d => d.ServiceType == typeof(ILoggerProvider));
        var bindingDescriptors = services.Count(d => d.ServiceType == typeof(IConfigureOptions<DurableLoggerOptions>));
        var reloadDescriptors = services.Count(d => d.ServiceType == typeof(IOptionsChangeTokenSource<DurableLoggerOptions>));
        Assert.Multiple(() =>
        {
            Assert.That(providerDescriptors, Is.EqualTo(1));
            Assert.That(bindingDescriptors, Is.EqualTo(1));
            Assert.That(reloadDescriptors, Is.EqualTo(1));
        });
    }

    [Test]
    public void ASinkRegisteredBeforehandReplacesStandardOutput()
    {
        var sink = new RecordingLogSink();
        var services = new ServiceCollection();
        services.AddSingleton<ILogSink>(sink);
        services.AddDurableLogging(o => o.Format = DurableLogFormat.Json);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILogger<AddDurableLoggingTests>>().LogWarning("to the sink");

        Assert.That(provider.GetRequiredService<ILogSink>(), Is.SameAs(sink));
        Assert.That(sink.JsonRecords().Single().GetProperty("message").GetString(), Is.EqualTo("to the sink"));
    }

    [Test]
    public void ASinkRegisteredAfterwardsReplacesStandardOutput()
    {
        var sink = new RecordingLogSink();
        var services = new ServiceCollection();
        services.AddDurableLogging(o => o.Format = DurableLogFormat.Json);
        services.AddSingleton<ILogSink>(sink);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILogger<AddDurableLoggingTests>>().LogWarning("to the sink");

        Assert.That(sink.JsonRecords().Single().GetProperty("message").GetString(), Is.EqualTo("to the sink"));
    }

    [Test]
    public void WithoutASinkRecordsGoToStandardOutput()
    {
        var services = new ServiceCollection();
        services.AddDurableLogging();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ILogSink>(), Is.InstanceOf<StandardOutputSink>());
    }

    [Test]
    public void TheProviderAnswersToTheAliasDurable()
    {
        var alias = typeof(DurableLoggerProvider).GetCustomAttribute<ProviderAliasAttribute>();

        Assert.That(alias?.Alias, Is.EqualTo("Durable"));
    }

    [Test]
    public void LevelRulesUnderTheAliasApplyToTheProviderAndRulesForOthersDoNot()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:Durable:LogLevel:Default"] = "Warning",
                ["Logging:Durable:LogLevel:Chatty"] = "Error",
                ["Logging:Console:LogLevel:Default"] = "None",
                ["Logging:Durable:Format"] = "Json",
            })
            .Build();
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(builder =>
        {
            builder.AddConfiguration(configuration.GetSection("Logging"));
            builder.AddDurableLogging();
        });
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILoggerFactory>();

        factory.CreateLogger("Quiet").LogInformation("below the provider's rule");
        factory.CreateLogger("Quiet").LogWarning("at the provider's rule");
        factory.CreateLogger("Chatty").LogWarning("below the category rule");
        factory.CreateLogger("Chatty").LogError("at the category rule");

        var messages = sink.JsonRecords().Select(r => r.GetProperty("message").GetString());
        Assert.That(messages, Is.EqualTo(Expected.Sequence("at the provider's rule", "at the category rule")));
    }

    [Test]
    public void OptionsSetInCodeWinOverTheConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Durable:Format"] = "Text" })
            .Build();
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(builder => builder.AddConfiguration(configuration.GetSection("Logging")));
        services.AddDurableLogging(o => o.Format = DurableLogFormat.Json);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILoggerFactory>().CreateLogger("Code").LogInformation("json wins");

        Assert.That(sink.JsonRecords().Single().GetProperty("message").GetString(), Is.EqualTo("json wins"));
    }

    [Test]
    public void TimestampsComeFromTheRegisteredTimeProvider()
    {
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);

        logging.Logger().LogInformation("stamped");

        Assert.That(logging.Records.Single().GetProperty("timestamp").GetString(), Is.EqualTo("2026-07-22T10:11:12.345Z"));
    }

    [Test]
    public void NullBuildersAndCollectionsAreRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                () => DurableLoggingServiceCollectionExtensions.AddDurableLogging(null!),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("services"));
            Assert.That(
                () => DurableLoggingBuilderExtensions.AddDurableLogging(null!),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("builder"));
        });
    }
}
