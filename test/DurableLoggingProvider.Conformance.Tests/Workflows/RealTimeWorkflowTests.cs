using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using DurableLoggingProvider.Conformance.Tests.Proxy;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

/// <summary>
/// A few workflows with AWS's runner keeping real time: its timers fire when they are due, not at once. The
/// fixture's two instances (one per client) run side by side, sharing the real-time proxy: their time is
/// mostly waiting, and the suite's run time stays within a minute.
/// </summary>
[Parallelizable(ParallelScope.Self)]
[TestFixture(ServiceClientKind.Direct)]
[TestFixture(ServiceClientKind.Lambda)]
public class RealTimeWorkflowTests(ServiceClientKind client) : ConformanceFixture(client)
{
    private static readonly ConformanceRunOptions s_realTime = new() { Time = TimeMode.Real };

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario3_InRealTimeTwoParallelBranchesWaitingOneAndTwoSecondsWriteEachLineOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", ConcurrentWorkflowTests.TwoBranchesWaitingDifferentLengths, s_realTime, cancellationToken);

        // One invocation to start, one as each wait ends.
        ConformanceAssert.Conforms(result, "SUCCEEDED", 3, new Dictionary<string, int>
        {
            ["branch 0 before"] = 1, ["branch 0 after"] = 1, ["branch 1 before"] = 1, ["branch 1 after"] = 1, ["after parallel"] = 1,
        });
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario4_InRealTimeAMapOverThreeItemsWritesEachItemsLinesOnce(CancellationToken cancellationToken)
    {
        // Waits of 1, 2 and 3 s, so that each ends in its own invocation. Equal waits fire together, and AWS's
        // runner, keeping real time, drops a re-invocation that falls due while one runs (TimerScheduler); see
        // docs/conformance.md.
        var result = await RunAsync<int, int>(
            3, (items, context, logger) => ConcurrentWorkflowTests.MapOfItemsWithAStepAndAWait(items, context, logger, item => TimeSpan.FromSeconds(item + 1)), s_realTime, cancellationToken);

        var expected = Enumerable.Range(0, 3).SelectMany(item => new[] { $"item {item} before", $"item {item} after" }).ToDictionary(line => line, _ => 1);
        expected["after map"] = 1;
        // One invocation to start, one as each wait ends.
        ConformanceAssert.Conforms(result, "SUCCEEDED", 4, expected);
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario9_InRealTimeAWaitForConditionPollingFourTimesWritesEachPollOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, int>(
            "input", (input, context, logger) => ConditionWorkflowTests.PollUntilReady(context, logger, TimeSpan.FromSeconds(1)), s_realTime, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", ConditionWorkflowTests.Polls, new Dictionary<string, int>
        {
            ["before"] = 1, ["poll 1"] = 1, ["poll 2"] = 1, ["poll 3"] = 1, ["poll 4"] = 1, ["after"] = 1,
        });
    }
}
