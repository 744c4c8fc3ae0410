using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Gating;

/// <summary>
/// Another provider behind the gate (replay-gate.md, "Other providers"): the decision made for our own lines,
/// the durable fields as a scope whichever way the provider takes scopes, the options followed on reload.
/// </summary>
[TestFixture]
public class OtherProviderGateTests
{
    private const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/exec-1/run-1";

    [Test]
    public void AProviderWithSharedScopesGetsNoReplayedLineUnderSuppress()
    {
        var collector = new FakeLogCollector();
        using var logging = new TestLogging(options => options.Format = DurableLogFormat.Json, builder => builder.AddProvider(new FakeLoggerProvider(collector)));
        var logger = logging.Logger("Orders");

        LogLiveThenReplaying(logger);

        Assert.Multiple(() =>
        {
            Assert.That(collector.GetSnapshot().Select(record => record.Message), Is.EqualTo(Expected.Sequence("live")));
            Assert.That(logging.Records.Select(record => record.GetProperty("message").GetString()), Is.EqualTo(Expected.Sequence("live")));
        });
    }

    [Test]
    public void AProviderThatKeepsItsOwnScopesGetsTheDurableFieldsThroughBeginScope()
    {
        var collector = new FakeLogCollector();
        using var logging = new TestLogging(options => options.ReplayMode = ReplayMode.Mark, builder => builder.AddProvider(new ProviderWithoutSharedScopes(collector)));
        var logger = logging.Logger("Orders");

        LogLiveThenReplaying(logger);

        var records = collector.GetSnapshot();
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(record => record.Message), Is.EqualTo(Expected.Sequence("live", "replayed")));
            Assert.That(Fields(records[0]), Is.EqualTo(new Dictionary<string, object?> { ["executionArn"] = ExecutionArn, ["requestId"] = "req-1", ["operationId"] = "op-1", ["operationName"] = "charge", ["attempt"] = 1 }));
            Assert.That(Fields(records[1]), Is.EqualTo(new Dictionary<string, object?> { ["executionArn"] = ExecutionArn, ["requestId"] = "req-1", ["replay"] = true }));
        });
    }

    [Test]
    public void OutsideDurableCodeTheOtherProviderGetsTheLineWithNoDurableScope()
    {
        var collector = new FakeLogCollector();
        using var logging = new TestLogging(logging: builder => builder.AddProvider(new FakeLoggerProvider(collector)));

        logging.Logger("Startup").LogInformation("starting");

        Assert.That(collector.LatestRecord.Scopes, Is.Empty);
    }

    [Test]
    public void AChangedReplayModeInReloadedConfigurationReachesTheOtherProviders()
    {
        var collector = new FakeLogCollector();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Durable:ReplayMode"] = "Suppress" }).Build();
        using var logging = new TestLogging(logging: builder =>
        {
            builder.AddConfiguration(configuration.GetSection("Logging"));
            builder.AddProvider(new FakeLoggerProvider(collector));
        });
        var logger = logging.Logger("Orders");
        LogLiveThenReplaying(logger);

        configuration["Logging:Durable:ReplayMode"] = "Mark";
        configuration.Reload();
        LogLiveThenReplaying(logger);

        var records = collector.GetSnapshot();
        Assert.That(records.Select(record => record.Message), Is.EqualTo(Expected.Sequence("live", "live", "replayed")));
        Assert.That(Fields(records[2])["replay"], Is.EqualTo(true));
    }

    [Test]
    public void ANameInUngatedProvidersThatNoProviderAnswersToIsReportedWithTheRegisteredNames()
    {
        using var logging = new TestLogging(
            options =>
            {
                options.Format = DurableLogFormat.Json;
                options.UngatedProviders.Add("Fak");
            },
            builder => builder.AddProvider(new FakeLoggerProvider(new FakeLogCollector())));

        logging.Logger();

        var warning = logging.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.GetProperty("level").GetString(), Is.EqualTo("WARN"));
            Assert.That(warning.GetProperty("message").GetString(), Does.StartWith("Logging:Durable:UngatedProviders names 'Fak', which no registered provider answers to"));
            Assert.That(warning.GetProperty("message").GetString(), Does.Contain($"Fake ({typeof(FakeLoggerProvider).FullName})"));
        });
    }

    [Test]
    public void ANameInUngatedProvidersMatchesTheAliasInAnyCase()
    {
        var collector = new FakeLogCollector();
        using var logging = new TestLogging(
            options =>
            {
                options.Format = DurableLogFormat.Json;
                options.UngatedProviders.Add("fake");
            }, builder => builder.AddProvider(new FakeLoggerProvider(collector)));

        LogLiveThenReplaying(logging.Logger("Orders"));

        Assert.Multiple(() =>
        {
            Assert.That(collector.GetSnapshot().Select(record => record.Message), Is.EqualTo(Expected.Sequence("live", "replayed")));
            Assert.That(logging.Records, Has.None.Matches<System.Text.Json.JsonElement>(record => record.GetProperty("message").GetString()!.Contains("UngatedProviders", System.StringComparison.Ordinal)));
        });
    }

    [Test]
    public void ACategoryRuleWithTwoWildcardsIsRefusedAsTheLoggerFactoryRefusesIt()
    {
        using var logging = new TestLogging(logging: builder =>
        {
            builder.AddProvider(new FakeLoggerProvider(new FakeLogCollector()));
            builder.AddFilter<FakeLoggerProvider>("Orders.*.Client.*", LogLevel.Warning);
        });

        Assert.That(() => logging.Logger("Orders"), Throws.InvalidOperationException.With.Message.Contains("more than one '*'"));
    }

    private static Dictionary<string, object?> Fields(FakeLogRecord record) =>
        record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(scope => scope).ToDictionary(pair => pair.Key, pair => pair.Value);

    /// <summary>Writes "live" inside a live operation, then "replayed" in a replaying context of the same invocation.</summary>
    private static void LogLiveThenReplaying(ILogger logger)
    {
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-1")))
        {
            using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: false)))
            using (DurableLogContext.EnterOperation(new DurableOperation("op-1", "charge", attempt: 1)))
            {
                logger.LogInformation("live");
            }

            using (DurableLogContext.EnterContext(new DurableContextState(ExecutionArn, isReplaying: true)))
            {
                logger.LogInformation("replayed");
            }
        }
    }
}
