using System;
using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Configuration;

/// <summary>Lambda's application log level is a floor: records below it are never formatted, and a configuration that asks for them is told so once.</summary>
[TestFixture]
[NonParallelizable]
public class LambdaLogLevelTests
{
    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda() => _environment.ClearLambdaLogging();

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [Test]
    public void RecordsBelowTheFloorAreNeitherFormattedNorWritten()
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var logging = Json();
        var logger = logging.Logger();
        var state = new CountingState();
        var value = new CountingValue();
        logging.Sink.Clear();

        logger.Log(LogLevel.Information, default, state, null, CountingState.Formatter);
        logger.LogInformation("Below the floor {Value}", value);
        logger.LogWarning("at the floor");

        Assert.Multiple(() =>
        {
            Assert.That(logger.IsEnabled(LogLevel.Information), Is.False);
            Assert.That(logger.IsEnabled(LogLevel.Warning), Is.True);
            Assert.That(state.Looks, Is.Zero);
            Assert.That(value.ToStringCalls, Is.Zero);
            Assert.That(logging.Records.Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("at the floor")));
        });
    }

    [TestCase("ERROR", "DEBUG", LogLevel.Debug)]
    [TestCase("DEBUG", "ERROR", LogLevel.Error)]
    [TestCase("INFO", "trace", LogLevel.Trace)]
    public void TheHandlerLogLevelWinsOverTheFunctionsLogLevel(string function, string handler, LogLevel floor)
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", function);
        _environment.Set("AWS_LAMBDA_HANDLER_LOG_LEVEL", handler);
        using var logging = Json();
        var logger = logging.Logger();

        Assert.That(LowestEnabled(logger), Is.EqualTo(floor));
    }

    [TestCase("TRACE", LogLevel.Trace)]
    [TestCase("debug", LogLevel.Debug)]
    [TestCase("Info", LogLevel.Information)]
    [TestCase("WARN", LogLevel.Warning)]
    [TestCase("ERROR", LogLevel.Error)]
    [TestCase("FATAL", LogLevel.Critical)]
    public void EachLambdaLevelNameSetsTheMatchingFloor(string value, LogLevel floor)
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", value);
        using var logging = Json();
        var logger = logging.Logger();

        Assert.That(LowestEnabled(logger), Is.EqualTo(floor));
        Assert.That(logger.IsEnabled(LogLevel.Critical), Is.True);
    }

    [TestCase("Trace", LogLevel.Trace)]
    [TestCase("Debug", LogLevel.Debug)]
    [TestCase("Information", LogLevel.Information)]
    [TestCase("warning", LogLevel.Warning)]
    [TestCase("Error", LogLevel.Error)]
    [TestCase("Critical", LogLevel.Critical)]
    public void TheHandlerLogLevelTakesTheDotNetRuntimesLevelNames(string value, LogLevel floor)
    {
        // The .NET runtime reads AWS_LAMBDA_HANDLER_LOG_LEVEL as Amazon.Lambda.Core.LogLevel names.
        _environment.Set("AWS_LAMBDA_HANDLER_LOG_LEVEL", value);
        using var logging = new TestLogging(
            o => o.Format = DurableLogFormat.Json,
            builder => builder.SetMinimumLevel(floor));
        _ = logging.Logger();
        var provider = logging.Services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(LowestEnabled(provider.CreateLogger("Probe")), Is.EqualTo(floor));
            Assert.That(logging.Sink.Count, Is.Zero, "a valid level is not reported");
        });
    }

    [Test]
    public void AConfigurationAskingForLessThanTheFloorGetsExactlyOneWarningAtStartUp()
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var logging = Json();

        var logger = logging.Logger("First");
        logging.Logger("Second").LogWarning("a warning of the application");
        logger.LogDebug("below the floor");
        _ = logging.Logger("Third");

        var records = logging.Records;
        Assert.That(records, Has.Count.EqualTo(2));
        var warning = records[0];
        var message = warning.GetProperty("message").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(warning.GetProperty("level").GetString(), Is.EqualTo("WARN"));
            Assert.That(warning.GetProperty("category").GetString(), Is.EqualTo("DurableLoggingProvider"));
            Assert.That(message, Does.Contain("AWS_LAMBDA_LOG_LEVEL is WARN"));
            Assert.That(message, Does.Contain("Trace"));
            Assert.That(message, Does.Contain("floor"));
            Assert.That(records[1].GetProperty("message").GetString(), Is.EqualTo("a warning of the application"));
        });
    }

    [Test]
    public void TheWarningNamesTheHandlerVariableWhenThatSetTheFloor()
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "DEBUG");
        _environment.Set("AWS_LAMBDA_HANDLER_LOG_LEVEL", "INFO");
        using var logging = Json();

        _ = logging.Logger();

        var warning = logging.Records.Single();
        Assert.That(warning.GetProperty("message").GetString(), Does.Contain("AWS_LAMBDA_HANDLER_LOG_LEVEL is INFO"));
    }

    [TestCase("ERROR", "ERROR")]
    [TestCase("FATAL", "FATAL")]
    public void AWarningAboveWarnIsWrittenAtTheFloorSoLambdaLetsItThrough(string floor, string level)
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", floor);
        using var logging = Json();

        _ = logging.Logger();

        Assert.That(logging.Records.Single().GetProperty("level").GetString(), Is.EqualTo(level));
    }

    [TestCase("Warning")]
    [TestCase("Error")]
    public void AConfigurationAtOrAboveTheFloorGetsNoWarning(string configured)
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var logging = new TestLogging(
            o => o.Format = DurableLogFormat.Json,
            builder => builder.SetMinimumLevel(System.Enum.Parse<LogLevel>(configured)));

        logging.Logger().LogError("an error");

        Assert.That(logging.Records.Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("an error")));
    }

    [Test]
    public void LowRulesForOtherProvidersDoNotCauseTheWarning()
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var logging = new TestLogging(
            o => o.Format = DurableLogFormat.Json,
            builder =>
            {
                builder.SetMinimumLevel(LogLevel.Warning);
                builder.Services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule("Console", null, LogLevel.Trace, null)));
            });

        logging.Logger().LogError("an error");

        Assert.That(logging.Records.Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("an error")));
    }

    [Test]
    public void ALowRuleForTheProvidersAliasCausesTheWarning()
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var logging = new TestLogging(
            o => o.Format = DurableLogFormat.Json,
            builder =>
            {
                builder.SetMinimumLevel(LogLevel.Warning);
                builder.Services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule("Durable", "Talkative", LogLevel.Debug, null)));
            });

        _ = logging.Logger();

        var warning = logging.Records.Single();
        Assert.That(warning.GetProperty("message").GetString(), Does.Contain("Debug"));
    }

    [TestCase("Durable")]
    [TestCase("DurableLoggingProvider.DurableLoggerProvider")]
    public void ALowRuleInTheProvidersOwnSectionCausesTheWarning(string section)
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var provider = FromConfiguration(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            [$"Logging:{section}:LogLevel:Default"] = "Debug",
        });

        var warning = provider.Sink.JsonRecords().Single();

        Assert.That(warning.GetProperty("message").GetString(), Does.Contain("enables Debug records"));
    }

    [Test]
    public void AGeneralRuleThatTheProvidersOwnSectionOverridesCausesNoWarning()
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var provider = FromConfiguration(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Chatty"] = "Trace",
            ["Logging:Durable:LogLevel:Default"] = "Warning",
            ["Logging:Durable:LogLevel:Chatty"] = "Error",
        });

        provider.Logger("Chatty").LogCritical("the only line");

        Assert.That(provider.Sink.JsonRecords().Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("the only line")));
    }

    [Test]
    public void AGeneralCategoryRuleCausesTheWarningWhenTheProviderHasNoRulesOfItsOwn()
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var provider = FromConfiguration(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Chatty"] = "Debug",
        });

        var warning = provider.Sink.JsonRecords().Single();

        Assert.That(warning.GetProperty("message").GetString(), Does.Contain("enables Debug records"));
    }

    [Test]
    public void AProviderDefaultOutranksGeneralCategoryRulesSoTheyCauseNoWarning()
    {
        // The logger factory prefers any rule for this provider over a general one, whatever its category.
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "WARN");
        using var provider = FromConfiguration(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Chatty"] = "Debug",
            ["Logging:Durable:LogLevel:Default"] = "Warning",
        });

        provider.Logger("Chatty").LogWarning("the only line");

        Assert.That(provider.Sink.JsonRecords().Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("the only line")));
    }

    [Test]
    public void AWildcardRuleForTheProviderCausesTheWarning()
    {
        _environment.Set("AWS_LAMBDA_LOG_LEVEL", "ERROR");
        using var provider = FromConfiguration(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:Durable:LogLevel:Default"] = "Error",
            ["Logging:Durable:LogLevel:Orders.*.Handler"] = "Information",
        });

        var warning = provider.Sink.JsonRecords().Single();

        Assert.Multiple(() =>
        {
            Assert.That(warning.GetProperty("level").GetString(), Is.EqualTo("ERROR"));
            Assert.That(warning.GetProperty("message").GetString(), Does.Contain("enables Information records"));
        });
    }

    [TestCase("AWS_LAMBDA_LOG_LEVEL", "LOUD")]
    [TestCase("AWS_LAMBDA_HANDLER_LOG_LEVEL", "Verbose")]
    [TestCase("AWS_LAMBDA_HANDLER_LOG_LEVEL", "2")]
    public void AnInvalidLevelIsReportedOnceAndIgnored(string variable, string value)
    {
        _environment.Set(variable, value);
        using var logging = Json();
        var logger = logging.Logger();

        logger.LogTrace("trace is written");
        logging.Logger("Other").LogTrace("so is this");

        var records = logging.Records;
        Assert.That(records, Has.Count.EqualTo(3));
        var report = records[0].GetProperty("message").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(records[0].GetProperty("level").GetString(), Is.EqualTo("WARN"));
            Assert.That(report, Does.Contain($"{variable} is '{value}'"));
            Assert.That(report, Does.Contain("TRACE, DEBUG, INFO, WARN, ERROR, FATAL"));
            Assert.That(report, Does.Contain("ignored"));
            Assert.That(logger.IsEnabled(LogLevel.Trace), Is.True);
            Assert.That(records.Skip(1).Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("trace is written", "so is this")));
        });
    }

    [Test]
    public void WithoutALambdaLevelNothingIsReportedAndEveryLevelIsEnabled()
    {
        using var logging = Json();
        var logger = logging.Logger();

        logger.LogTrace("trace");

        Assert.Multiple(() =>
        {
            Assert.That(logger.IsEnabled(LogLevel.Trace), Is.True);
            Assert.That(logger.IsEnabled(LogLevel.None), Is.False);
            Assert.That(logging.Records.Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("trace")));
        });
    }

    private static ConfiguredLogging FromConfiguration(Dictionary<string, string?> settings)
    {
        settings["Logging:Durable:Format"] = "Json";
        return new ConfiguredLogging(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    private static LogLevel LowestEnabled(ILogger logger) =>
        Enumerable.Range((int)LogLevel.Trace, (int)LogLevel.Critical + 1).Select(level => (LogLevel)level).First(logger.IsEnabled);

    private static TestLogging Json() => new(o => o.Format = DurableLogFormat.Json);

    /// <summary>Logging configured from a <c>Logging</c> section, as an application does, writing to a recording sink.</summary>
    private sealed class ConfiguredLogging : IDisposable
    {
        private readonly ServiceProvider _services;

        public ConfiguredLogging(IConfiguration configuration)
        {
            var services = new ServiceCollection().AddSingleton<ILogSink>(Sink);
            services.AddLogging(builder =>
            {
                builder.AddConfiguration(configuration.GetSection("Logging"));
                builder.AddDurableLogging();
            });
            _services = services.BuildServiceProvider();
            _ = _services.GetRequiredService<ILoggerFactory>();
        }

        public RecordingLogSink Sink { get; } = new();

        public ILogger Logger(string category) => _services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        public void Dispose() => _services.Dispose();
    }
}
