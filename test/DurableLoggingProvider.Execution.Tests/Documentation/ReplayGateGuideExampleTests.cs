using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Documentation;

/// <summary>The example of docs/replay-gate.md ("What is written when"), and its table.</summary>
[TestFixture]
public class ReplayGateGuideExampleTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task TheGuidesWorkflowWritesWhatItsTableSays(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Orders");
        var payments = new Payments(runner.LoggerFactory.CreateLogger<Payments>());

        var result = await runner.RunAsync<string, string>("ord-1", async (order, context) =>
        {
            logger.LogInformation("Order received");                              // A
            await context.StepAsync(_ => payments.ChargeAsync(order), "charge");  // the service logs "Charging" inside
            logger.LogInformation("Waiting for the review window");               // B
            await context.WaitAsync(TimeSpan.FromMinutes(10));
            logger.LogInformation("Order completed");                             // C
            return "done";
        }, cancellationToken);

        var linesByInvocation = result.Invocations.Select(invocation => invocation.Records.Select(record => record.GetProperty("message").GetString()).ToList()).ToList();
        Assert.That(linesByInvocation, Is.EqualTo(new[]
        {
            new[] { "Order received", "Charging", "Waiting for the review window" },
            new[] { "Order completed" },
        }));
    }

    private sealed class Payments(ILogger<Payments> logger)
    {
        public Task<bool> ChargeAsync(string? order)
        {
            logger.LogInformation("Charging");
            return Task.FromResult(order is not null);
        }
    }
}
