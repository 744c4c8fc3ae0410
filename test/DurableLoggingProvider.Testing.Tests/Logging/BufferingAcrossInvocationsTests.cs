using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Logging;

/// <summary>
/// Log buffering through the local runner, over an execution of three invocations (two waits): each invocation's
/// held lines are its own; the engine reports each end, so a PENDING invocation's lines are dropped and the FAILED
/// third invocation's are written; replayed code's lines are never held.
/// </summary>
[TestFixture]
public class BufferingAcrossInvocationsTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AFailureInTheThirdInvocationWritesOnlyTheThirdInvocationsHeldLines(CancellationToken cancellationToken)
    {
        using var runner = Runner(replayMode: null);

        var result = await runner.RunAsync<string, string>("order-7", FailingAfterTwoWaits(runner, cancellationToken), cancellationToken);

        var ordersLines = result.RecordedLines.Where(line => line.Category == "Orders" && line.Level == LogLevel.Debug).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            Assert.That(ordersLines.Select(line => line.Message), Is.EqualTo(new[] { "after the waits" }));
            Assert.That(ordersLines.Select(line => result.InvocationNumberOf(line.RequestId)), Is.EqualTo(new int?[] { 3 }));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ReplayedCodesLinesAreNotHeldEvenWhenTheGateWritesReplays(CancellationToken cancellationToken)
    {
        using var runner = Runner(ReplayMode.Emit);

        var result = await runner.RunAsync<string, string>("order-7", FailingAfterTwoWaits(runner, cancellationToken), cancellationToken);

        var third = result.Invocations.Single(invocation => invocation.Number == 3);
        var held = third.RecordedLines.Where(line => line.Category == "Orders" && line.Level == LogLevel.Debug).Select(line => line.Message);
        var information = third.RecordedLines.Where(line => line.Category == "Orders" && line.Level == LogLevel.Information).Select(line => line.Message);
        Assert.Multiple(() =>
        {
            Assert.That(held, Is.EqualTo(new[] { "after the waits" }), "the replayed 'before' and 'between' lines were not held");
            Assert.That(information, Is.EqualTo(new[] { "order started" }), "Emit still writes the replayed Information line");
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ASucceedingExecutionWritesNoHeldLineInAnyInvocation(CancellationToken cancellationToken)
    {
        using var runner = Runner(replayMode: null);
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>(
            "order-7",
            async (_, context) =>
            {
                logger.LogDebug("before the wait");
                await context.WaitAsync(TimeSpan.FromDays(1), "a day", cancellationToken);
                logger.LogDebug("after the wait");
                return "done";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.RecordedLines.Where(line => line.Category == "Orders"), Is.Empty);
        });
    }

    private static LocalDurableRunner Runner(ReplayMode? replayMode) => new(new LocalRunnerOptions
    {
        ReplayMode = replayMode,
        ConfigureLogging = builder => builder
            .SetMinimumLevel(LogLevel.Debug)
            .AddDurableLogging(options => options.Buffering.Enabled = true),
    });

    private static Func<string, IDurableContext, Task<string>> FailingAfterTwoWaits(LocalDurableRunner runner, CancellationToken cancellationToken)
    {
        var logger = runner.LoggerFactory.CreateLogger("Orders");
        return async (_, context) =>
        {
            logger.LogInformation("order started");
            logger.LogDebug("before the waits");
            await context.WaitAsync(TimeSpan.FromDays(1), "a day", cancellationToken);
            logger.LogDebug("between the waits");
            await context.WaitAsync(TimeSpan.FromDays(7), "a week", cancellationToken);
            logger.LogDebug("after the waits");
            throw new InvalidOperationException("payment declined");
        };
    }
}
