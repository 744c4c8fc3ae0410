using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Documentation;

/// <summary>The options example of docs/buffering-and-sampling.md, as it is written there, over an execution of two invocations.</summary>
[TestFixture]
public class BufferingGuideExampleTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task TheGuidesOptionsHoldDebugLinesUntilTheInvocationFails(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            ConfigureLogging = builder => builder
                .SetMinimumLevel(LogLevel.Debug)
                .AddDurableLogging(options =>
                {
                    options.Buffering.Enabled = true;          // HoldBelow Information, FlushAt Error, MaxBytes 20 KiB
                    options.Sampling.Rate = 0.05;              // 5% of executions write their Debug lines
                }),
        });
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>("ord-1", async (orderId, context) =>
        {
            logger.LogDebug("Reviewing order {OrderId}", orderId);
            await context.WaitAsync(TimeSpan.FromMinutes(10), "review-window");
            logger.LogDebug("Charging order {OrderId}", orderId);
            throw new InvalidOperationException("card declined");
        }, cancellationToken);

        // The runner's execution is not among the 5% sampled (a sampled one would write both lines as they come).
        var debug = result.RecordedLines.Where(line => line.Category == "Orders").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(debug.Select(line => line.Message), Is.EqualTo(new[] { "Charging order ord-1" }));
            Assert.That(debug.Select(line => result.InvocationNumberOf(line.RequestId)), Is.EqualTo(new int?[] { 2 }));
        });
    }
}
