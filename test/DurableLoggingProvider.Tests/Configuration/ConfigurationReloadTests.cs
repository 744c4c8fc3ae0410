using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Configuration;

/// <summary>Changes to appsettings.json reach loggers already created; a wrong change never stops the host.</summary>
[TestFixture]
[NonParallelizable]
public class ConfigurationReloadTests
{
    private readonly EnvironmentOverrides _environment = new();

    [SetUp]
    public void StartOutsideLambda() => _environment.ClearLambdaLogging();

    [TearDown]
    public void RestoreEnvironment() => _environment.Restore();

    [Test]
    public void AReloadedFormatReachesLoggersAlreadyCreated()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILogger<ConfigurationReloadTests>>();
        logger.LogInformation("before");

        file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Text\""));
        file.Configuration.Reload();
        logger.LogInformation("after");

        var lines = file.Sink.Lines;
        Assert.That(lines, Has.Count.EqualTo(2));
        using var first = JsonDocument.Parse(lines[0]);
        var second = TextLine.Parse(lines[1]);
        Assert.Multiple(() =>
        {
            Assert.That(first.RootElement.GetProperty("message").GetString(), Is.EqualTo("before"));
            Assert.That(second.Level, Is.EqualTo("INFO"));
            Assert.That(second.Rest, Does.StartWith("after"));
        });
    }

    [Test]
    public void TheFileWatcherDeliversAChangedReplayModeToLoggersAlreadyCreated()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"ReplayMode\": \"Suppress\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILogger<ConfigurationReloadTests>>();
        var provider = services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();
        var replaying = new DurableContextState("arn:watched", isReplaying: true);
        using (DurableLogContext.EnterContext(replaying))
        {
            logger.LogInformation("suppressed");
        }

        file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"ReplayMode\": \"Mark\""));
        var applied = BoundedWait.Until(() => provider.Settings.ReplayMode == ReplayMode.Mark);
        using (DurableLogContext.EnterContext(replaying))
        {
            logger.LogInformation("marked");
        }

        Assert.That(applied, Is.True, "the file watcher did not deliver the change within the limit");
        var record = file.Sink.JsonRecords().Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("message").GetString(), Is.EqualTo("marked"));
            Assert.That(record.GetProperty("replay").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void TheFileWatcherDeliversAChangedLevelRuleToLoggersAlreadyCreated()
    {
        using var file = new AppSettingsFile("""{ "Logging": { "LogLevel": { "Default": "Warning" }, "Durable": { "Format": "Json" } } }""");
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILogger<ConfigurationReloadTests>>();
        var enabledBefore = logger.IsEnabled(LogLevel.Debug);

        file.Rewrite("""{ "Logging": { "LogLevel": { "Default": "Debug" }, "Durable": { "Format": "Json" } } }""");
        var applied = BoundedWait.Until(() => logger.IsEnabled(LogLevel.Debug));
        logger.LogDebug("debug after the change");

        Assert.Multiple(() =>
        {
            Assert.That(enabledBefore, Is.False);
            Assert.That(applied, Is.True, "the file watcher did not deliver the change within the limit");
            Assert.That(file.Sink.JsonRecords().Single().GetProperty("message").GetString(), Is.EqualTo("debug after the change"));
        });
    }

    [Test]
    public void AReloadedLevelRuleReachesLoggersAlreadyCreated()
    {
        using var file = new AppSettingsFile("""{ "Logging": { "LogLevel": { "Default": "Warning" }, "Durable": { "Format": "Json" } } }""");
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reloaded");
        logger.LogInformation("info before");

        file.Rewrite("""{ "Logging": { "LogLevel": { "Default": "Warning" }, "Durable": { "Format": "Json", "LogLevel": { "Reloaded": "Information" } } } }""");
        file.Configuration.Reload();
        logger.LogInformation("info after");

        Assert.That(file.Sink.JsonRecords().Select(r => r.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("info after")));
    }

    [Test]
    public void EveryReloadedOptionReachesLoggersAlreadyCreated()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reloaded");

        file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"FieldNaming\": \"SnakeCase\", \"IncludeScopes\": false, \"ReplayMode\": \"Emit\", \"MaxRecordBytes\": 5000"));
        file.Configuration.Reload();
        using (DurableLogContext.EnterContext(new DurableContextState("arn:reloaded", isReplaying: true)))
        using (logger.BeginScope(new Dictionary<string, object?> { ["OrderId"] = 7 }))
        {
            logger.LogInformation("{Payload}", new string('y', 10_000));
        }

        var line = file.Sink.Lines.Single();
        using var record = JsonDocument.Parse(line);
        var root = record.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("execution_arn").GetString(), Is.EqualTo("arn:reloaded"), "FieldNaming");
            Assert.That(root.TryGetProperty("OrderId", out _), Is.False, "IncludeScopes");
            Assert.That(root.TryGetProperty("replay", out _), Is.False, "ReplayMode");
            Assert.That(System.Text.Encoding.UTF8.GetByteCount(line) + 1, Is.LessThanOrEqualTo(5000), "MaxRecordBytes");
        });
    }

    [Test]
    public void AWrongValueArrivingByReloadKeepsThePreviousSettingsAndIsReportedOnce()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"ReplayMode\": \"Mark\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reloaded");

        file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Xml\", \"ReplayMode\": \"Mark\", \"MaxRecordBytes\": -1"));
        Assert.That(() => file.Configuration.Reload(), Throws.Nothing);
        file.Configuration.Reload();
        using (DurableLogContext.EnterContext(new DurableContextState("arn:kept", isReplaying: true)))
        {
            logger.LogInformation("still json and marked");
        }

        var records = file.Sink.JsonRecords();
        var errors = records.Where(r => r.GetProperty("level").GetString() == "ERROR").ToList();
        var written = records.Where(r => r.GetProperty("level").GetString() == "INFO").ToList();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(written, Has.Count.EqualTo(1));
        var error = errors[0].GetProperty("message").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(error, Does.Contain("previous settings stay in force"));
            Assert.That(error, Does.Contain("Logging:Durable:Format").And.Contain("Auto, Json, Text"));
            Assert.That(error, Does.Contain("Logging:Durable:MaxRecordBytes").And.Contain("4096 to 16777216"));
            Assert.That(errors[0].GetProperty("category").GetString(), Is.EqualTo("DurableLoggingProvider"));
            Assert.That(written[0].GetProperty("message").GetString(), Is.EqualTo("still json and marked"));
            Assert.That(written[0].GetProperty("replay").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void ACorrectedReloadAppliesAndALaterWrongOneIsReportedAgain()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reloaded");

        file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Xml\""));
        file.Configuration.Reload();
        file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"FieldNaming\": \"SnakeCase\""));
        file.Configuration.Reload();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-corrected")))
        {
            logger.LogInformation("corrected");
        }

        file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Xml\""));
        file.Configuration.Reload();

        var records = file.Sink.JsonRecords();
        Assert.That(records.Select(r => r.GetProperty("level").GetString()), Is.EqualTo(Expected.Sequence("ERROR", "INFO", "ERROR")));
        Assert.That(records[1].GetProperty("request_id").GetString(), Is.EqualTo("req-corrected"));
    }

    [Test]
    public void AWrongValueArrivingThroughTheFileWatcherDoesNotStopTheHost()
    {
        using var file = new AppSettingsFile(AppSettingsFile.WithDurableSection("\"Format\": \"Json\""));
        using var services = file.BuildServices();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Watched");

        file.Rewrite(AppSettingsFile.WithDurableSection("\"Format\": \"Json\", \"IncludeScopes\": \"sometimes\""));
        var reported = BoundedWait.Until(() => file.Sink.Count > 0);
        logger.LogInformation("still logging");

        Assert.That(reported, Is.True, "the file watcher did not deliver the change within the limit");
        var records = file.Sink.JsonRecords();
        Assert.That(records.Select(r => r.GetProperty("level").GetString()), Is.EqualTo(Expected.Sequence("ERROR", "INFO")));
        Assert.That(records[0].GetProperty("message").GetString(), Does.Contain("Logging:Durable:IncludeScopes"));
    }
}
