using System;
using System.Linq;
using System.Threading.Tasks;
using DurableLoggingProvider.Providers.Tests.Capture;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Providers.Tests.Documentation;

/// <summary>
/// The README's "With the generic host" example (and docs/replay-gate.md's two lines of it): the host's own
/// Console provider stays, behind the gate, and writes each line of a replayed execution once.
/// </summary>
[TestFixture]
[NonParallelizable]
public class GenericHostExampleTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task TheHostsConsoleProviderWritesEachLineOfAReplayedExecutionOnce()
    {
        using var lambda = new LambdaEnvironmentVariable(null);
        using var console = new ConsoleOutput();
        var sink = new RecordingLogSink();
        var args = Array.Empty<string>();

        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddDurableLogging();
        builder.Services.AddSingleton<PaymentGateway>();
        builder.Services.AddSingleton<ILogSink>(sink); // the test's only addition: our lines, recorded
        LocalRunResult<string> result;
        using (var host = builder.Build())
        {
            var loggers = host.Services.GetRequiredService<ILoggerFactory>();  // the engine's DurableExecutionOptions.LoggerFactory

            var payments = host.Services.GetRequiredService<PaymentGateway>();
            var logger = loggers.CreateLogger("Orders");
            using var runner = new LocalDurableRunner(new LocalRunnerOptions { LoggerFactory = loggers, Sink = sink });
            result = await runner.RunAsync<string, string>("ord-1", async (order, context) =>
            {
                logger.LogInformation("Order received");
                await context.StepAsync(_ => payments.ChargeAsync(order), "charge");
                await context.WaitAsync(TimeSpan.FromMinutes(10));
                logger.LogInformation("Order completed");
                return "done";
            });
        }

        // The simple formatter writes "info: Orders[0]" and, on the next line, the message indented.
        var printed = console.Lines().Select(line => line.Trim()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(printed.Count(line => line == "Order received"), Is.EqualTo(1));
            Assert.That(printed.Count(line => line == "Charging"), Is.EqualTo(1));
            Assert.That(printed.Count(line => line == "Order completed"), Is.EqualTo(1));
            Assert.That(result.RecordedLines.Count(line => line.Message == "Order received"), Is.EqualTo(1), "our own Text line, once");
        });
    }

    private sealed class PaymentGateway(ILogger<PaymentGateway> logger)
    {
        public Task<bool> ChargeAsync(string? order)
        {
            logger.LogInformation("Charging");
            return Task.FromResult(order is not null);
        }
    }
}
