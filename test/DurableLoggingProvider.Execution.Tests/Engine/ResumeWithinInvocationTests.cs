using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Scenarios;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// Timers that fire while an invocation runs: a checkpoint's answer shows that waits other flows are blocked
/// on have ended. Those flows run on in the same invocation; the invocation never ends <c>PENDING</c> with
/// nothing pending (durable-wire-format.md section 3), and every line is still written once
/// (replay-gate.md rule 3: the await of an operation that had not finished when it began goes live).
/// </summary>
[TestFixture]
public class ResumeWithinInvocationTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task MapItemsWhoseWaitsEndDuringTheInvocationRunOnInItAndItEndsSucceeded(CancellationToken cancellationToken)
    {
        TimersFiredDuringCheckpoint? timers = null;
        using var driver = new InvocationDriver(decorate: inner => timers = new TimersFiredDuringCheckpoint(inner));
        var handler = MapOfWaits(driver, [1, 2, 2]);

        var first = await driver.InvokeAsync(handler, cancellationToken);
        driver.Service.AdvanceTo(driver.Service.Now + TimeSpan.FromSeconds(1));

        // Item 0's wait has ended when invocation 2 begins; items 1 and 2 end theirs before its first checkpoint call.
        timers!.AdvanceBefore(driver.Service.CheckpointCalls + 1, TimeSpan.FromSeconds(1));
        var second = await driver.InvokeAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Succeeded), "the resumed items finish the map in invocation 2");
            Assert.That(second.Result, Is.EqualTo("3"));
            for (var item = 0; item < 3; item++)
            {
                Assert.That(driver.RecordsWithMessage($"before {item}").RequestIds(), Is.EqualTo(new[] { driver.RequestId(1) }), $"before {item}");
                Assert.That(driver.RecordsWithMessage($"after {item}").RequestIds(), Is.EqualTo(new[] { driver.RequestId(2) }), $"after {item}");
            }

            Assert.That(driver.RecordsWithMessage("after map").RequestIds(), Is.EqualTo(new[] { driver.RequestId(2) }));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AnItemWhoseWaitHasNotEndedKeepsTheInvocationPendingWhileTheOthersRunOn(CancellationToken cancellationToken)
    {
        TimersFiredDuringCheckpoint? timers = null;
        using var driver = new InvocationDriver(decorate: inner => timers = new TimersFiredDuringCheckpoint(inner));
        var handler = MapOfWaits(driver, [1, 2, 3]);

        await driver.InvokeAsync(handler, cancellationToken);
        driver.Service.AdvanceTo(driver.Service.Now + TimeSpan.FromSeconds(1));
        timers!.AdvanceBefore(driver.Service.CheckpointCalls + 1, TimeSpan.FromSeconds(1));
        var second = await driver.InvokeAsync(handler, cancellationToken);
        var thirdWait = driver.Service.Operations.Single(operation => operation.Name == "wait 2").Status;
        driver.FireNextTimer();
        var third = await driver.InvokeAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(thirdWait, Is.EqualTo(OperationStatus.Started), "the third wait is what invocation 2 is pending on");
            Assert.That(third.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(driver.RecordsWithMessage("after 0").RequestIds(), Is.EqualTo(new[] { driver.RequestId(2) }));
            Assert.That(driver.RecordsWithMessage("after 1").RequestIds(), Is.EqualTo(new[] { driver.RequestId(2) }), "resumed within invocation 2");
            Assert.That(driver.RecordsWithMessage("after 2").RequestIds(), Is.EqualTo(new[] { driver.RequestId(3) }));
            Assert.That(driver.RecordsWithMessage("after map").RequestIds(), Is.EqualTo(new[] { driver.RequestId(3) }));
        });
    }

    /// <summary><c>map over items: log before i; wait seconds[i]; log after i</c>, then <c>log after map</c>; returns how many items succeeded.</summary>
    private static Func<string?, IDurableContext, Task<int>> MapOfWaits(InvocationDriver driver, int[] seconds)
    {
        var logger = driver.LoggerFactory.CreateLogger("Workflow");
        var items = Enumerable.Range(0, seconds.Length).ToList();
        return async (_, context) =>
        {
            var result = await context.MapAsync(
                items,
                async (itemContext, _, index) =>
                {
                    logger.LogInformation("before {Item}", index);
                    await itemContext.WaitAsync(TimeSpan.FromSeconds(seconds[index]), $"wait {index}");
                    logger.LogInformation("after {Item}", index);
                    return index;
                },
                "waits");
            logger.LogInformation("after map");
            return result.Items.Count(entry => entry.Status == BatchItemStatus.Succeeded);
        };
    }
}
