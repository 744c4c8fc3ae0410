using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Logging;

/// <summary>
/// Sampling per execution through the local runner: at a rate of one half, over many executions of three
/// invocations each, every execution writes its Debug lines, marked <c>"sampled": true</c>, in all three invocations
/// or in none, and both kinds occur.
/// </summary>
[TestFixture]
public class SamplingAcrossInvocationsTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds * 2)]
    public async Task AnExecutionIsSampledInEveryInvocationOrInNone(CancellationToken cancellationToken)
    {
        var kinds = new List<int>();
        for (var i = 0; i < 16; i++)
        {
            var arn = $"arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/orders/{i:D4}";
            using var runner = new LocalDurableRunner(new LocalRunnerOptions
            {
                ExecutionArn = arn,
                ConfigureLogging = builder => builder
                    .SetMinimumLevel(LogLevel.Debug)
                    .AddDurableLogging(options => options.Sampling.Rate = 0.5),
            });
            var logger = runner.LoggerFactory.CreateLogger("Orders");

            var result = await runner.RunAsync<string, string>(
                "order-7",
                async (_, context) =>
                {
                    logger.LogDebug("detail of invocation {Number}", context.Invocation.RequestId);
                    await context.WaitAsync(TimeSpan.FromDays(1), "a day", cancellationToken);
                    logger.LogDebug("detail of invocation {Number}", context.Invocation.RequestId);
                    await context.WaitAsync(TimeSpan.FromDays(7), "a week", cancellationToken);
                    logger.LogDebug("detail of invocation {Number}", context.Invocation.RequestId);
                    logger.LogInformation("order done");
                    return "done";
                },
                cancellationToken);

            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            var debugPerInvocation = result.Invocations
                .Select(invocation => invocation.RecordedLines.Count(line => line.Category == "Orders" && line.Level == LogLevel.Debug))
                .ToList();
            var debugLines = result.Invocations.SelectMany(invocation => invocation.RecordedLines)
                .Where(line => line.Category == "Orders" && line.Level == LogLevel.Debug)
                .Select(line => line.Json())
                .ToList();
            Assert.That(debugPerInvocation, Is.EqualTo(new[] { 0, 0, 0 }).Or.EqualTo(new[] { 1, 1, 1 }), arn);
            Assert.That(debugLines.Select(line => line.GetProperty("sampled").GetBoolean()), Is.All.True);
            kinds.Add(debugPerInvocation[0]);
        }

        Assert.That(kinds, Does.Contain(0).And.Contain(1), "at one half, some of 16 executions are sampled and some are not");
    }
}
