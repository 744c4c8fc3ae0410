using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

[TestFixture]
public class ModeScenarioTests
{
    /// <summary>For each line of <see cref="Workflow"/>, the invocations (1-based) that run its statement: the first does the work, the rest replay it.</summary>
    private static readonly Dictionary<string, int[]> s_executions = new()
    {
        ["A"] = [1, 2, 3],
        ["in s1"] = [1],
        ["child start"] = [1, 2],
        ["child end"] = [2],
        ["B"] = [2, 3],
        ["C"] = [3],
    };

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario14_SuppressModeWritesEachLineOnce(CancellationToken cancellationToken)
    {
        var result = await RunAsync(ReplayMode.Suppress, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            foreach (var (line, invocations) in s_executions)
            {
                Assert.That(result.RecordsWithMessage(line).RequestIds(), Is.EqualTo(new[] { result.RequestIdOf(invocations[0]) }), line);
            }

            Assert.That(result.Records.Where(record => record.Has("replay")), Is.Empty);
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario14_EmitModeWritesEveryReplayedLineAgainUnmarked(CancellationToken cancellationToken)
    {
        var result = await RunAsync(ReplayMode.Emit, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            foreach (var (line, invocations) in s_executions)
            {
                Assert.That(result.RecordsWithMessage(line).RequestIds(), Is.EqualTo(invocations.Select(result.RequestIdOf)), line);
            }

            Assert.That(result.Records.Where(record => record.Has("replay")), Is.Empty, "only Mark marks");
        });
    }

    [Test]
    [CancelAfter(ScenarioRecords.TimeoutMilliseconds)]
    public async Task Scenario14_MarkModeWritesEveryReplayedLineAgainMarkedAsAReplay(CancellationToken cancellationToken)
    {
        var result = await RunAsync(ReplayMode.Mark, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            foreach (var (line, invocations) in s_executions)
            {
                var records = result.RecordsWithMessage(line);
                Assert.That(records.RequestIds(), Is.EqualTo(invocations.Select(result.RequestIdOf)), line);

                // The first run is the work itself; every later one is a replay, and says so.
                var marks = records.Select(record => record.Has("replay") ? record.GetProperty("replay").GetBoolean() : (bool?)null);
                Assert.That(marks, Is.EqualTo(invocations.Select((_, index) => index == 0 ? (bool?)null : true)), line);
            }
        });
    }

    private static async Task<LocalRunResult<string>> RunAsync(ReplayMode mode, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ReplayMode = mode });
        var logger = runner.LoggerFactory.CreateLogger("Workflow");
        var result = await runner.RunToEndAsync("input", Workflow(logger), cancellationToken);
        Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
        return result;
    }

    private static Func<string?, IDurableContext, Task<string>> Workflow(ILogger logger) => async (input, context) =>
    {
        logger.LogInformation("A");
        await context.StepAsync(_ =>
        {
            logger.LogInformation("in s1");
            return Task.CompletedTask;
        }, "s1");
        await context.RunInChildContextAsync(async child =>
        {
            child.Logger.LogInformation("child start");
            await child.WaitAsync(TimeSpan.FromSeconds(1));
            child.Logger.LogInformation("child end");
        }, "child");
        logger.LogInformation("B");
        await context.WaitAsync(TimeSpan.FromSeconds(1));
        logger.LogInformation("C");
        return "done";
    };
}
