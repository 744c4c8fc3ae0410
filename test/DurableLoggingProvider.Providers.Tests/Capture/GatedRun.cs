using System;
using System.Linq;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>
/// The order workflow of docs/replay-gate.md, run by the local runner until it ends, with one real provider
/// registered beside the durable one: two invocations, the second replaying what the first wrote.
/// </summary>
internal static class GatedRun
{
    public const string Received = "Order received";
    public const string Charging = "Charging";
    public const string Completed = "Order completed";

    public static readonly string ExecutionArn = new LocalRunnerOptions().ExecutionArn;

    public static async Task<GatedRunResult> RunAsync(IProviderCapture capture, Action<DurableLoggerOptions>? durable = null, ReplayMode? executionMode = null)
    {
        LocalRunResult<string> result;
        var options = new LocalRunnerOptions
        {
            ReplayMode = executionMode,
            ConfigureLogging = logging =>
            {
                logging.SetMinimumLevel(LogLevel.Information);
                if (durable is not null)
                {
                    logging.Services.Configure(durable);
                }

                capture.AddTo(logging);
            },
        };

        using (var runner = new LocalDurableRunner(options))
        {
            var logger = runner.LoggerFactory.CreateLogger("Orders");
            result = await runner.RunAsync<string, string>("order-1", async (_, context) =>
            {
                logger.LogInformation(Received);
                await context.StepAsync(
                    _ =>
                    {
                        logger.LogInformation(Charging);
                        return Task.FromResult(1);
                    },
                    "charge");
                await context.WaitAsync(TimeSpan.FromMinutes(10), "review window");
                logger.LogInformation(Completed);
                return "done";
            });
        }

        // The runner's services are disposed: the console provider has written everything it queued.
        return new GatedRunResult(result.Status, result.Invocations.Select(invocation => invocation.RequestId).ToList(), capture.Lines(), result.RecordedLines.Count(line => line.Category == "Orders"));
    }
}
