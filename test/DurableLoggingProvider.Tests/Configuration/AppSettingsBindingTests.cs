using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Configuration;

/// <summary>Options and level rules bound from a real appsettings.json on disk.</summary>
[TestFixture]
[NonParallelizable]
public class AppSettingsBindingTests
{
    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda() => _environment.ClearLambdaLogging();

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [TestCase("Json")]
    [TestCase("json")]
    [TestCase("JSON")]
    public void FormatBindsFromItsNameInAnyCase(string format)
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection($"\"Format\": \"{format}\""));
        using var services = file.BuildServices();

        services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound").LogInformation("as json");

        Assert.That(file.Sink.JsonRecords().Single().GetProperty("message").GetString(), Is.EqualTo("as json"));
    }

    [TestCase("Text")]
    [TestCase("text")]
    public void TextFormatBindsFromItsName(string format)
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection($"\"Format\": \"{format}\""));
        using var services = file.BuildServices();

        services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound").LogInformation("as text");

        var line = TextLine.Parse(file.Sink.Lines.Single());
        Assert.Multiple(() =>
        {
            Assert.That(line.Level, Is.EqualTo("INFO"));
            Assert.That(line.Rest, Does.StartWith("as text"));
        });
    }

    [Test]
    public void WithoutAFormatTheDefaultOutsideLambdaIsText()
    {
        using var file = new AppSettingsFile("""{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
        using var services = file.BuildServices();

        services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound").LogInformation("as text");

        Assert.That(TextLine.Parse(file.Sink.Lines.Single()).Level, Is.EqualTo("INFO"));
    }

    [TestCase("emit", false)]
    [TestCase("Mark", true)]
    [TestCase("MARK", true)]
    public void ReplayModeBindsFromItsNameInAnyCase(string mode, bool marked)
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection($"\"Format\": \"Json\", \"ReplayMode\": \"{mode}\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound");

        using (DurableLogContext.EnterContext(new DurableContextState("arn:bound", isReplaying: true)))
        {
            logger.LogInformation("replayed");
        }

        var record = file.Sink.JsonRecords().Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("replayed"));
            Assert.That(record.TryGetProperty("replay", out _), Is.EqualTo(marked));
        });
    }

    [Test]
    public void ReplayModeSuppressBindsFromItsName()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"ReplayMode\": \"suppress\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound");

        using (DurableLogContext.EnterContext(new DurableContextState("arn:bound", isReplaying: true)))
        {
            logger.LogInformation("replayed");
        }

        Assert.That(file.Sink.Count, Is.Zero);
    }

    [TestCase("SnakeCase", "request_id", "execution_arn")]
    [TestCase("snakecase", "request_id", "execution_arn")]
    [TestCase("camelCase", "requestId", "executionArn")]
    public void FieldNamingBindsFromItsNameInAnyCase(string naming, string requestIdKey, string executionArnKey)
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection($"\"Format\": \"Json\", \"FieldNaming\": \"{naming}\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound");

        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-naming")))
        using (DurableLogContext.EnterContext(new DurableContextState("arn:naming", isReplaying: false)))
        {
            logger.LogInformation("named");
        }

        var record = file.Sink.JsonRecords().Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty(requestIdKey).GetString(), Is.EqualTo("req-naming"));
            Assert.That(record.GetProperty(executionArnKey).GetString(), Is.EqualTo("arn:naming"));
        });
    }

    [TestCase("false", false)]
    [TestCase("False", false)]
    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    public void IncludeScopesBindsFromABooleanStringInAnyCase(string includeScopes, bool included)
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection($"\"Format\": \"Json\", \"IncludeScopes\": \"{includeScopes}\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound");

        using (logger.BeginScope(new Dictionary<string, object?> { ["OrderId"] = 42 }))
        {
            logger.LogInformation("scoped");
        }

        var record = file.Sink.JsonRecords().Single();
        Assert.That(record.TryGetProperty("OrderId", out _), Is.EqualTo(included));
    }

    [Test]
    public void IncludeScopesBindsFromAJsonBoolean()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"IncludeScopes\": false"));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound");

        using (logger.BeginScope(new Dictionary<string, object?> { ["OrderId"] = 42 }))
        {
            logger.LogInformation("scoped");
        }

        Assert.That(file.Sink.JsonRecords().Single().TryGetProperty("OrderId", out _), Is.False);
    }

    [Test]
    public void MaxRecordBytesBindsFromANumber()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"MaxRecordBytes\": 4096"));
        using var services = file.BuildServices();

        services.GetRequiredService<ILoggerFactory>().CreateLogger("Bound").LogInformation("{Payload}", new string('x', 20_000));

        var line = file.Sink.Lines.Single();
        using var record = JsonDocument.Parse(line);
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetByteCount(line) + 1, Is.LessThanOrEqualTo(4096));
            Assert.That(record.RootElement.GetProperty("truncated").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void MaxRecordBytesBindsFromAString()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"MaxRecordBytes\": \"8192\""));
        using var services = file.BuildServices();

        var provider = services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();

        Assert.That(provider.Settings.MaxRecordBytes, Is.EqualTo(8192));
    }

    [Test]
    public void TheGeneralLevelRulesApplyToTheProvider()
    {
        using var file = new AppSettingsFile("""
            {
              "Logging": {
                "LogLevel": { "Default": "Warning", "Talkative": "Debug" },
                "Durable": { "Format": "Json" }
              }
            }
            """);
        using var services = file.BuildServices();
        var factory = services.GetRequiredService<ILoggerFactory>();

        factory.CreateLogger("Quiet").LogInformation("quiet info");
        factory.CreateLogger("Quiet").LogWarning("quiet warning");
        factory.CreateLogger("Talkative").LogTrace("talkative trace");
        factory.CreateLogger("Talkative").LogDebug("talkative debug");
        factory.CreateLogger("Talkative.Inner").LogDebug("inner debug");

        Assert.That(
            file.Sink.JsonRecords().Select(r => r.GetProperty("message").GetString()),
            Is.EqualTo(Expected.Sequence("quiet warning", "talkative debug", "inner debug")));
    }

    [Test]
    public void TheProvidersOwnLevelRulesWinOverTheGeneralOnes()
    {
        using var file = new AppSettingsFile("""
            {
              "Logging": {
                "LogLevel": { "Default": "Warning", "Talkative": "Debug" },
                "Durable": {
                  "Format": "Json",
                  "LogLevel": { "Default": "Information", "Talkative": "Error" }
                }
              }
            }
            """);
        using var services = file.BuildServices();
        var factory = services.GetRequiredService<ILoggerFactory>();

        factory.CreateLogger("Quiet").LogDebug("quiet debug");
        factory.CreateLogger("Quiet").LogInformation("quiet info");
        factory.CreateLogger("Talkative").LogWarning("talkative warning");
        factory.CreateLogger("Talkative").LogError("talkative error");

        Assert.That(
            file.Sink.JsonRecords().Select(r => r.GetProperty("message").GetString()),
            Is.EqualTo(Expected.Sequence("quiet info", "talkative error")));
    }

    [Test]
    public void LoggerIsEnabledFollowsTheLevelRules()
    {
        using var file = new AppSettingsFile("""{ "Logging": { "LogLevel": { "Default": "Warning" }, "Durable": { "Format": "Json" } } }""");
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Quiet");

        Assert.Multiple(() =>
        {
            Assert.That(logger.IsEnabled(LogLevel.Information), Is.False);
            Assert.That(logger.IsEnabled(LogLevel.Warning), Is.True);
        });
    }
}
