using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

[TestFixture(ServiceClientKind.Direct)]
[TestFixture(ServiceClientKind.Lambda)]
public class ChildContextWorkflowTests(ServiceClientKind client) : ConformanceFixture(client)
{
    [TestCase(null, TestName = "Scenario5_AChildContextsLinesAroundAWaitAndTheParentsAfterItAreWrittenOnce (runner's event, children kept)")]
    [TestCase(10, TestName = "Scenario12_AChildContextsLinesAreWrittenOnceWhenFinishedContextsChildrenAreLeftOut (paged from AWS's state)")]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task ChildContextAroundAWait(int? pageSize, CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            var value = await context.RunInChildContextAsync(async child =>
            {
                logger.LogInformation("child before");
                await child.WaitAsync(TimeSpan.FromSeconds(5), "pause");
                logger.LogInformation("child after");
                return "child done";
            }, "child");
            await context.StepAsync(_ => Task.FromResult(1), "s1");
            await context.WaitAsync(TimeSpan.FromSeconds(5), "second pause");
            logger.LogInformation("parent after");
            return value;
        }, new ConformanceRunOptions { PageSize = pageSize }, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 3, new Dictionary<string, int> { ["child before"] = 1, ["child after"] = 1, ["parent after"] = 1 });
        var childId = (string?)result.OperationsNamed("child").Single()["Id"];
        var childLines = result.Records.Where(record => record.GetProperty("message").GetString()!.StartsWith("child", StringComparison.Ordinal));
        Assert.That(childLines.Select(record => record.GetProperty("parentId").GetString()), Is.All.EqualTo(childId));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario6_AChildContextThatSucceededIsNotRunAgainAndWritesNothingMore(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            var value = await context.RunInChildContextAsync(async child =>
            {
                logger.LogInformation("in child");
                return await child.StepAsync(_ => Task.FromResult("small"), "inner");
            }, "child");
            await context.WaitAsync(TimeSpan.FromSeconds(5), "pause");
            logger.LogInformation("after");
            return value;
        }, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["in child"] = 1, ["after"] = 1 });
        Assert.That(result.Result, Is.EqualTo("\"small\""));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario7_AChildContextWithALargeResultIsCheckpointedWithReplayChildrenAndItsLinesAreNotWrittenAgain(CancellationToken cancellationToken)
    {
        var large = new string('x', 300 * 1024);

        var result = await RunAsync<string, int>("input", async (input, context, logger) =>
        {
            var value = await context.RunInChildContextAsync(async child =>
            {
                logger.LogInformation("in child");
                var first = await child.StepAsync(_ => Task.FromResult(large[..(150 * 1024)]), "first half");
                logger.LogInformation("between halves");
                var second = await child.StepAsync(_ => Task.FromResult(large[(150 * 1024)..]), "second half");
                return first + second;
            }, "large");
            await context.WaitAsync(TimeSpan.FromSeconds(5), "pause");
            logger.LogInformation("after");
            return value.Length;
        }, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["in child"] = 1, ["between halves"] = 1, ["after"] = 1 });
        Assert.That(result.Result, Is.EqualTo("307200"));
        Assert.That((bool?)result.OperationsNamed("large").Single()["ContextDetails"]?["ReplayChildren"], Is.True);
    }
}
