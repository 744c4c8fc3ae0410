using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Providers.Tests.Gating;

/// <summary>Which providers the gate covers: registered before or after <c>AddDurableLogging</c>, and what it leaves alone.</summary>
[TestFixture]
public class RegistrationTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task AProviderRegisteredBeforeAddDurableLoggingIsGatedToo()
    {
        var collector = new FakeLogCollector();
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(logging =>
        {
            logging.AddProvider(new FakeLoggerProvider(collector));
            logging.AddDurableLogging(options => options.Format = DurableLogFormat.Json);
        });
        await using var provider = services.BuildServiceProvider();

        await RunReplayedAsync(provider.GetRequiredService<ILoggerFactory>(), sink);

        Assert.That(collector.GetSnapshot().Count(record => record.Message == "before the wait"), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task CallingAddDurableLoggingTwiceGatesEachProviderOnce()
    {
        var collector = new FakeLogCollector();
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(logging =>
        {
            logging.AddDurableLogging(options => options.Format = DurableLogFormat.Json);
            logging.AddProvider(new FakeLoggerProvider(collector));
            logging.AddDurableLogging();
        });
        await using var provider = services.BuildServiceProvider();

        await RunReplayedAsync(provider.GetRequiredService<ILoggerFactory>(), sink);

        var lines = collector.GetSnapshot().Where(record => record.Message == "before the wait").ToList();
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(DurableScopes(lines[0]), Has.Count.EqualTo(1), "one durable fields scope");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ALoggerFactoryRegisteredInPlaceOfTheDefaultIsLeftUngated()
    {
        // What Serilog's UseSerilog does: the application's own ILoggerFactory, registered after logging.
        var collector = new FakeLogCollector();
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(logging => logging.AddDurableLogging(options => options.Format = DurableLogFormat.Json));
        services.AddSingleton<ILoggerFactory>(_ => new LoggerFactory([new FakeLoggerProvider(collector)]));
        await using var provider = services.BuildServiceProvider();

        await RunReplayedAsync(provider.GetRequiredService<ILoggerFactory>(), sink);

        Assert.That(collector.GetSnapshot().Count(record => record.Message == "before the wait"), Is.EqualTo(2), "nothing gates a factory that is not ours");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AContextLoggerSetFromTheGatedFactoryCarriesTheDurableFieldsOnce()
    {
        var collector = new FakeLogCollector();
        var options = new LocalRunnerOptions { ConfigureLogging = logging => logging.AddProvider(new FakeLoggerProvider(collector)) };
        using var runner = new LocalDurableRunner(options);
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        await runner.RunAsync<string, string>("order-1", async (_, context) =>
        {
            context.SetLogger(logger);
            context.Logger.LogInformation("through the context logger");
            await context.WaitAsync(TimeSpan.FromMinutes(1));
            return "done";
        });

        var lines = collector.GetSnapshot().Where(record => record.Message == "through the context logger").ToList();
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(DurableScopes(lines[0]), Has.Count.EqualTo(1));
    }

    private static List<IEnumerable<KeyValuePair<string, object?>>> DurableScopes(FakeLogRecord record) =>
        record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().Where(scope => scope.Any(pair => pair.Key == "executionArn")).ToList();

    private static async Task RunReplayedAsync(ILoggerFactory factory, RecordingLogSink sink)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { LoggerFactory = factory, Sink = sink });
        var logger = factory.CreateLogger("Orders");
        var result = await runner.RunAsync<string, string>("order-1", async (_, context) =>
        {
            logger.LogInformation("before the wait");
            await context.WaitAsync(TimeSpan.FromMinutes(1));
            return "done";
        });
        Assert.That(result.Invocations, Has.Count.EqualTo(2), "the second invocation replays the first line");
    }
}
