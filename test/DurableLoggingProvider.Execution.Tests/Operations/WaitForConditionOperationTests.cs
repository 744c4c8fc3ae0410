using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// Wait-for-condition: a <c>STEP</c> of sub-type <c>WaitForCondition</c> checked until the strategy stops;
/// each check's state is checkpointed and handed to the next check, in a later invocation.
/// </summary>
[TestFixture]
public class WaitForConditionOperationTests
{
    private static readonly string s_conditionId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task EachCheckGetsThePreviousChecksState(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var seen = new ConcurrentQueue<(int Previous, int Attempt)>();

        var outputs = await driver.RunUntilEndAsync(PollUntilFour(seen), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(outputs.Select(output => output.Status), Is.EqualTo(new[] { InvocationStatus.Pending, InvocationStatus.Pending, InvocationStatus.Pending, InvocationStatus.Succeeded }));
            Assert.That(outputs[^1].Result, Is.EqualTo("4"));
            Assert.That(seen, Is.EqualTo(new[] { (0, 1), (1, 2), (2, 3), (3, 4) }));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EachCheckIsCheckpointedAsARetryCarryingItsStateUntilTheLastSucceeds(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        await driver.RunUntilEndAsync(PollUntilFour(new ConcurrentQueue<(int, int)>()), cancellationToken);

        var updates = driver.UpdatesOf(s_conditionId);
        var retries = updates.Where(update => update.Action == OperationAction.Retry).ToList();
        var condition = driver.Operation(s_conditionId);
        Assert.Multiple(() =>
        {
            Assert.That(updates.Select(update => update.Type), Is.All.EqualTo(OperationType.Step));
            Assert.That(updates.Select(update => update.SubType), Is.All.EqualTo("WaitForCondition"));
            Assert.That(updates.Select(update => update.Name), Is.All.EqualTo("shipment arrived"));
            Assert.That(
                updates.Select(update => update.Action),
                Is.EqualTo(new[]
                {
                    OperationAction.Start, OperationAction.Retry, OperationAction.Start, OperationAction.Retry,
                    OperationAction.Start, OperationAction.Retry, OperationAction.Start, OperationAction.Succeed,
                }));
            Assert.That(retries.Select(update => update.Payload), Is.EqualTo(new[] { "1", "2", "3" }));
            Assert.That(retries.Select(update => update.StepOptions?.NextAttemptDelaySeconds), Is.All.EqualTo(30));
            Assert.That(updates[^1].Payload, Is.EqualTo("4"));
            Assert.That(condition.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(condition.StepDetails?.Result, Is.EqualTo("4"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EachChecksLineIsWrittenOnceWithItsCheckNumber(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var logger = driver.LoggerFactory.CreateLogger("Workflow");

        await driver.RunUntilEndAsync<string, int>(
            async (input, context) =>
            {
                logger.LogInformation("before polling");
                var state = await PollUntilFour(new ConcurrentQueue<(int, int)>())(input, context);
                logger.LogInformation("after polling");
                return state;
            },
            cancellationToken);

        var checks = driver.Sink.JsonRecords().Where(record => record.GetProperty("message").GetString()!.StartsWith("checking after ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(checks.Select(record => record.GetProperty("message").GetString()), Is.EqualTo(new[] { "checking after 0", "checking after 1", "checking after 2", "checking after 3" }));
            Assert.That(checks.Select(record => record.GetProperty("attempt").GetInt32()), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Assert.That(checks.Select(record => record.GetProperty("requestId").GetString()), Is.EqualTo(driver.RequestIds));
            Assert.That(driver.RecordsWithMessage("before polling"), Has.Count.EqualTo(1));
            Assert.That(driver.RecordsWithMessage("after polling"), Has.Count.EqualTo(1));
        });
    }

    /// <summary>Counts up from 0, one per check, every 30 s, until the count is 4.</summary>
    private static Func<string?, IDurableContext, Task<int>> PollUntilFour(ConcurrentQueue<(int Previous, int Attempt)> seen) => (_, context) =>
        context.WaitForConditionAsync<int>(
            (previous, check, _) =>
            {
                seen.Enqueue((previous, check.AttemptNumber));
                check.Logger.LogInformation("checking after {Previous}", previous);
                return Task.FromResult(previous + 1);
            },
            new WaitForConditionConfig<int>
            {
                InitialState = 0,
                WaitStrategy = WaitStrategy.FromDelegate<int>((state, _) => state >= 4 ? WaitDecision.Stop() : WaitDecision.ContinueAfter(TimeSpan.FromSeconds(30))),
            },
            "shipment arrived");
}
