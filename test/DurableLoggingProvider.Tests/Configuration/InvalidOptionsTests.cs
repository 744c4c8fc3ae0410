using System;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Configuration;

/// <summary>Values no option can take stop the application at start-up, naming the key and the allowed values.</summary>
[TestFixture]
[NonParallelizable]
public class InvalidOptionsTests
{
    private const string FormatValues = "Auto, Json, Text";
    private const string ReplayModeValues = "Suppress, Emit, Mark";
    private const string FieldNamingValues = "CamelCase, SnakeCase, PascalCase";
    private const string ByteRange = "4096 to 16777216";

    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda() => _environment.ClearLambdaLogging();

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [TestCase("Format", "\"Xml\"", "Logging:Durable:Format", FormatValues)]
    [TestCase("Format", "\"1\"", "Logging:Durable:Format", FormatValues)]
    [TestCase("Format", "\"Auto, Json\"", "Logging:Durable:Format", FormatValues)]
    [TestCase("ReplayMode", "\"Skip\"", "Logging:Durable:ReplayMode", ReplayModeValues)]
    [TestCase("ReplayMode", "\"2\"", "Logging:Durable:ReplayMode", ReplayModeValues)]
    [TestCase("ReplayMode", "\"Emit,Mark\"", "Logging:Durable:ReplayMode", ReplayModeValues)]
    [TestCase("FieldNaming", "\"kebab-case\"", "Logging:Durable:FieldNaming", FieldNamingValues)]
    [TestCase("IncludeScopes", "\"yes\"", "Logging:Durable:IncludeScopes", "true, false")]
    [TestCase("IncludeScopes", "1", "Logging:Durable:IncludeScopes", "true, false")]
    [TestCase("MaxRecordBytes", "\"lots\"", "Logging:Durable:MaxRecordBytes", ByteRange)]
    [TestCase("MaxRecordBytes", "\"1.5\"", "Logging:Durable:MaxRecordBytes", ByteRange)]
    [TestCase("MaxRecordBytes", "99999999999", "Logging:Durable:MaxRecordBytes", ByteRange)]
    [TestCase("MaxRecordBytes", "-1", "Logging:Durable:MaxRecordBytes", ByteRange)]
    [TestCase("MaxRecordBytes", "0", "Logging:Durable:MaxRecordBytes", ByteRange)]
    [TestCase("MaxRecordBytes", "4095", "Logging:Durable:MaxRecordBytes", ByteRange)]
    [TestCase("MaxRecordBytes", "16777217", "Logging:Durable:MaxRecordBytes", ByteRange)]
    public void AWrongValueInTheFileFailsWhenTheLoggerFactoryIsResolved(string option, string json, string key, string allowed)
    {
        using var file = new AppSettingsFile($$"""{ "Logging": { "Durable": { "{{option}}": {{json}} } } }""");
        using var services = file.BuildServices();

        var failure = Assert.Catch<OptionsValidationException>(() => services.GetRequiredService<ILoggerFactory>());

        Assert.Multiple(() =>
        {
            Assert.That(failure!.OptionsType, Is.EqualTo(typeof(DurableLoggerOptions)));
            Assert.That(failure.Failures.Count(), Is.EqualTo(1));
            Assert.That(failure.Message, Does.Contain(key));
            Assert.That(failure.Message, Does.Contain(allowed));
        });
    }

    [Test]
    public void ATypedLoggerCannotBeResolvedEither()
    {
        using var file = new AppSettingsFile("""{ "Logging": { "Durable": { "Format": "Xml" } } }""");
        using var services = file.BuildServices();

        Assert.That(
            () => services.GetRequiredService<ILogger<InvalidOptionsTests>>(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Logging:Durable:Format"));
    }

    [Test]
    public void EveryWrongValueIsNamedInOneException()
    {
        using var file = new AppSettingsFile("""
            {
              "Logging": {
                "Durable": { "Format": "Xml", "ReplayMode": "Skip", "IncludeScopes": "maybe", "MaxRecordBytes": "-5" }
              }
            }
            """);
        using var services = file.BuildServices();

        var failure = Assert.Catch<OptionsValidationException>(() => services.GetRequiredService<ILoggerFactory>());

        Assert.That(failure!.Failures.Count(), Is.EqualTo(4));
        Assert.That(failure.Message, Does.Contain("Logging:Durable:Format").And.Contain("'Xml'"));
        Assert.That(failure.Message, Does.Contain("Logging:Durable:ReplayMode").And.Contain("'Skip'"));
        Assert.That(failure.Message, Does.Contain("Logging:Durable:IncludeScopes").And.Contain("'maybe'"));
        Assert.That(failure.Message, Does.Contain("Logging:Durable:MaxRecordBytes").And.Contain("-5"));
    }

    [Test]
    public void TheMessageReadsAsOneSentencePerWrongValue()
    {
        using var file = new AppSettingsFile("""{ "Logging": { "Durable": { "Format": "Xml", "ReplayMode": "Skip" } } }""");
        using var services = file.BuildServices();

        var failure = Assert.Catch<OptionsValidationException>(() => services.GetRequiredService<ILoggerFactory>());

        Assert.That(failure!.Message, Is.EqualTo(
            "Logging:Durable:Format is 'Xml', which is not one of the allowed values: Auto, Json, Text. " +
            "Logging:Durable:ReplayMode is 'Skip', which is not one of the allowed values: Suppress, Emit, Mark."));
    }

    [Test]
    public void TheExceptionStillCarriesEachProblemOnItsOwn()
    {
        using var logging = Build(o => o.MaxRecordBytes = 10);

        var failure = Assert.Catch<OptionsValidationException>(() => logging.GetRequiredService<ILoggerFactory>());

        Assert.That(failure!.Failures, Is.EqualTo(new[]
        {
            "Logging:Durable:MaxRecordBytes is 10, which is out of range. Allowed values: 4096 to 16777216 (bytes).",
        }));
    }

    [TestCase(4096)]
    [TestCase(16777216)]
    public void TheEndsOfTheByteRangeAreAllowed(int maxRecordBytes)
    {
        using var file = new AppSettingsFile($$"""{ "Logging": { "Durable": { "MaxRecordBytes": {{maxRecordBytes}} } } }""");
        using var services = file.BuildServices();

        services.GetRequiredService<ILoggerFactory>();
        var provider = services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();

        Assert.That(provider.Settings.MaxRecordBytes, Is.EqualTo(maxRecordBytes));
    }

    [Test]
    public void ANegativeMaxRecordBytesSetInCodeFailsTheSameWay()
    {
        using var file = new AppSettingsFile("""{ "Logging": { } }""");
        using var services = file.BuildServices(o => o.MaxRecordBytes = -1);

        var failure = Assert.Catch<OptionsValidationException>(() => services.GetRequiredService<ILoggerFactory>());

        Assert.That(failure!.Message, Does.Contain("Logging:Durable:MaxRecordBytes").And.Contain("-1").And.Contain(ByteRange));
    }

    [Test]
    public void ATooLargeMaxRecordBytesSetInCodeFailsTheSameWay()
    {
        using var logging = Build(o => o.MaxRecordBytes = int.MaxValue);

        Assert.That(
            () => logging.GetRequiredService<ILoggerFactory>(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Logging:Durable:MaxRecordBytes").And.Message.Contains(ByteRange));
    }

    [Test]
    public void UndefinedEnumValuesSetInCodeFailTheSameWay()
    {
        using var logging = Build(o =>
        {
            o.Format = (DurableLogFormat)42;
            o.ReplayMode = (ReplayMode)7;
            o.FieldNaming = (FieldNaming)9;
        });

        var failure = Assert.Catch<OptionsValidationException>(() => logging.GetRequiredService<ILoggerFactory>());

        Assert.That(failure!.Failures.Count(), Is.EqualTo(3));
        Assert.That(failure.Message, Does.Contain("Logging:Durable:Format").And.Contain(FormatValues));
        Assert.That(failure.Message, Does.Contain("Logging:Durable:ReplayMode").And.Contain(ReplayModeValues));
        Assert.That(failure.Message, Does.Contain("Logging:Durable:FieldNaming").And.Contain(FieldNamingValues));
    }

    [Test]
    public void TheProviderConstructorValidatesOptionsItIsGivenDirectly()
    {
        var options = new DurableLoggerOptions { MaxRecordBytes = 10 };
        var monitor = new StaticOptionsMonitor(options);

        Assert.That(
            () => new DurableLoggerProvider(monitor, new RecordingLogSink()),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Logging:Durable:MaxRecordBytes"));
    }

    private static ServiceProvider Build(Action<DurableLoggerOptions> configure)
    {
        var services = new ServiceCollection().AddSingleton<ILogSink>(new RecordingLogSink());
        services.AddDurableLogging(configure);
        return services.BuildServiceProvider();
    }
}
