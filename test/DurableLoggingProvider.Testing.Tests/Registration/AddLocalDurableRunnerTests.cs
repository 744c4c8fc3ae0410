using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Registration;

/// <summary>
/// The runner registered with an application's own services (<c>AddLocalDurableRunner</c>): it records every line
/// their loggers write, and holds the start-up lines written before a run (replay-gate.md, scenario 15: not gated,
/// written once), printing them where a log stream holds a function's init lines, before the first <c>START</c>.
/// </summary>
[TestFixture]
public class AddLocalDurableRunnerTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TheStartUpLinesAreInTheResultAndPrintedBeforeTheFirstStart(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var services = new ServiceCollection()
            .AddDurableLogging(options => options.Format = DurableLogFormat.Json)
            .AddLocalDurableRunner(new LocalRunnerOptions { Output = output })
            .BuildServiceProvider();
        var logger = services.GetRequiredService<ILogger<AddLocalDurableRunnerTests>>();
        logger.LogInformation("Starting up");
        var runner = services.GetRequiredService<LocalDurableRunner>();

        var result = await runner.RunAsync<string, string>("ord-1", async (order, context) =>
        {
            logger.LogInformation("Order {OrderId} received", order);
            await context.WaitAsync(TimeSpan.FromMinutes(1), "cool-off", cancellationToken);
            return "done";
        }, cancellationToken);

        var printed = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.StartupLines.Select(line => line.Message), Is.EqualTo(new[] { "Starting up" }));
            Assert.That(result.StartupLines[0].RequestId, Is.Null, "written outside any invocation");
            Assert.That(result.RecordedLines.Select(line => line.Message), Is.EqualTo(new[] { "Starting up", "Order ord-1 received" }), "start-up first, then each line once");
            Assert.That(result.RecordsWithMessage("Starting up").Single().TryGetProperty("requestId", out _), Is.False);
            Assert.That(printed[0], Is.EqualTo(result.StartupLines[0].Line));
            Assert.That(printed[1], Does.StartWith("START RequestId: "));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task WithTheGenericHostTheHostsOwnStartUpLinesAreInTheResult(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddDurableLogging(options => options.Format = DurableLogFormat.Json);
        builder.Services.AddLocalDurableRunner();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var runner = host.Services.GetRequiredService<LocalDurableRunner>();

        var result = await runner.RunAsync<string, string>("ord-1", (_, context) => context.StepAsync(_ => Task.FromResult("charged"), "charge"), cancellationToken);
        await host.StopAsync(cancellationToken);

        // Microsoft.Extensions.Hosting's ConsoleLifetime logs the host's start under Microsoft.Hosting.Lifetime.
        var lifetime = result.StartupLines.Where(line => line.Category == "Microsoft.Hosting.Lifetime").Select(line => line.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("charged"));
            Assert.That(lifetime, Has.Some.StartsWith("Application started."));
            Assert.That(result.StartupLines.Select(line => line.RequestId), Is.All.Null);
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ALaterRunHoldsOnlyTheLinesWrittenSinceTheRunBefore(CancellationToken cancellationToken)
    {
        using var services = new ServiceCollection().AddLocalDurableRunner().BuildServiceProvider();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Outside");
        var runner = services.GetRequiredService<LocalDurableRunner>();

        logger.LogInformation("before the first run");
        var first = await runner.RunAsync<string, string>("a", (input, _) => Task.FromResult(input), cancellationToken);
        logger.LogInformation("between the runs");
        var second = await runner.RunAsync<string, string>("b", (input, _) => Task.FromResult(input), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(first.StartupLines.Select(line => line.Message), Is.EqualTo(new[] { "before the first run" }));
            Assert.That(second.StartupLines.Select(line => line.Message), Is.EqualTo(new[] { "between the runs" }));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TheRunnerTakesThePlaceOfStandardOutputAndFollowsTheAppsFormat(CancellationToken cancellationToken)
    {
        using var services = new ServiceCollection()
            .AddLocalDurableRunner()
            .AddDurableLogging(options => options.Format = DurableLogFormat.Text)
            .BuildServiceProvider();
        var runner = services.GetRequiredService<LocalDurableRunner>();
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>("ord-1", (order, _) =>
        {
            logger.LogInformation("Order {OrderId} received", order);
            return Task.FromResult("done");
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<ILogSink>(), Is.SameAs(runner.Sink));
            Assert.That(runner.LoggerFactory, Is.SameAs(services.GetRequiredService<ILoggerFactory>()));
            Assert.That(result.RecordedLines.Single().Format, Is.EqualTo(DurableLogFormat.Text));
            Assert.That(result.RecordedLines.Single().Line, Does.Contain("\tINFO\tOrder ord-1 received"));
        });
    }

    [Test]
    public void OptionsThatBringTheirOwnLoggersAreRefusedWithWhereLoggingIsConfigured()
    {
        var services = new ServiceCollection();

        var problem = Assert.Throws<ArgumentException>(() => services.AddLocalDurableRunner(new LocalRunnerOptions { Sink = new RecordingLogSink() }));

        Assert.That(problem!.Message, Does.Contain("LocalRunnerOptions.LoggerFactory, Sink and ConfigureLogging unset"));
    }

    [Test]
    public void ASecondRegistrationIsRefused()
    {
        var services = new ServiceCollection().AddLocalDurableRunner();

        var problem = Assert.Throws<InvalidOperationException>(() => services.AddLocalDurableRunner());

        Assert.That(problem!.Message, Does.Contain("called twice"));
    }
}
