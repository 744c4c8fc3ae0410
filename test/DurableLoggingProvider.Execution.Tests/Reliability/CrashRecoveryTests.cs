using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Scenarios;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// The promise when an invocation crashes mid-workflow (scenario 13 of the replay specification), at every
/// point a crash can happen: after recovery every line is written at least once and at most twice, and the
/// lines written twice are exactly the ones <c>docs/replay-gate.md</c> describes, those written between the
/// last checkpoint and the crash. (A child context's START is not a call of its own: it goes with its first
/// operation's, so no context's lines are written after its START and before that operation's checkpoint.)
/// "The last checkpoint" is read from the engine's own record of each checkpoint call that succeeded
/// (<c>Checkpointed …</c>, at Debug), in the order of the lines.
/// </summary>
[TestFixture]
public class CrashRecoveryTests
{
    private const string CheckpointsCategory = "DurableLoggingProvider.Execution.Checkpoints";
    private const string WorkflowCategory = "Workflow";
    private const int Steps = 4;

    [Test]
    [CancelAfter(30_000)]
    public async Task AtEveryCrashPointEveryLineIsWrittenAndOnlyTheLinesAfterTheLastCheckpointAreWrittenTwice(CancellationToken cancellationToken)
    {
        var uncrashed = await RunAsync(crashAfter: null, cancellationToken);
        var allLines = WorkflowLines(uncrashed.Records).ToHashSet(StringComparer.Ordinal);
        var callsPerInvocation = uncrashed.Invocations.Select(invocation => invocation.Records.Count(IsCheckpointCall)).ToList();
        Assert.That(WorkflowLines(uncrashed.Records), Is.Unique, "without a crash every line is written once");

        var runs = 0;
        var lines = 0;
        var duplicates = 0;
        var problems = new List<string>();
        for (var invocation = 1; invocation <= callsPerInvocation.Count; invocation++)
        {
            for (var calls = 0; calls < callsPerInvocation[invocation - 1]; calls++)
            {
                var result = await RunAsync((invocation, calls), cancellationToken);
                runs++;
                var crashed = result.Invocations.SingleOrDefault(record => record.Crashed);
                var written = WorkflowLines(result.Records).GroupBy(line => line, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
                var twice = written.Where(pair => pair.Value > 1).Select(pair => pair.Key).OrderBy(line => line, StringComparer.Ordinal).ToList();
                var afterLastCheckpoint = crashed is null ? [] : AfterLastCheckpoint(crashed.Records);
                var expected = afterLastCheckpoint.Select(record => record.Text("message")!).OrderBy(line => line, StringComparer.Ordinal).ToList();
                lines += written.Values.Sum();
                duplicates += twice.Count;

                var where = $"crash in invocation {invocation} after {calls} checkpoint call(s)";
                if (result.Status != InvocationStatus.Succeeded || crashed is null)
                {
                    problems.Add($"{where}: ended {result.Status}, crashed: {crashed is not null}");
                }

                if (allLines.Except(written.Keys).ToList() is { Count: > 0 } missing)
                {
                    problems.Add($"{where}: lost {string.Join(", ", missing)}");
                }

                if (written.Values.Any(count => count > 2))
                {
                    problems.Add($"{where}: a line written more than twice");
                }

                if (twice.Except(afterLastCheckpoint.Select(record => record.Text("message")!), StringComparer.Ordinal).ToList() is { Count: > 0 } early)
                {
                    problems.Add($"{where}: written twice though before the last checkpoint: {string.Join(", ", early)}");
                }

                if (!twice.SequenceEqual(expected))
                {
                    problems.Add($"{where}: written twice [{string.Join(", ", twice)}], expected [{string.Join(", ", expected)}]");
                }
            }
        }

        TestContext.Out.WriteLine(
            $"{runs} crash points over {callsPerInvocation.Count} invocations: {lines} workflow lines written, {duplicates} written twice, {problems.Count} problems");
        Assert.That(problems, Is.Empty);
    }

    /// <summary>The workflow records of a crashed invocation written after the last checkpoint call that succeeded.</summary>
    private static List<JsonElement> AfterLastCheckpoint(IReadOnlyList<JsonElement> records) =>
        records.Skip(LastCheckpointCall(records) + 1).Where(IsWorkflowLine).ToList();

    private static int LastCheckpointCall(IReadOnlyList<JsonElement> records)
    {
        for (var i = records.Count - 1; i >= 0; i--)
        {
            if (IsCheckpointCall(records[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsWorkflowLine(JsonElement record) => record.Text("category") == WorkflowCategory;

    private static bool IsCheckpointCall(JsonElement record) =>
        record.Text("category") == CheckpointsCategory && record.Text("message")!.StartsWith("Checkpointed ", StringComparison.Ordinal);

    private static IEnumerable<string> WorkflowLines(IEnumerable<JsonElement> records) =>
        records.Where(IsWorkflowLine).Select(record => record.Text("message")!);

    private static async Task<LocalRunResult<string>> RunAsync((int Invocation, int Calls)? crashAfter, CancellationToken cancellationToken)
    {
        var options = new LocalRunnerOptions
        {
            ConfigureLogging = builder => builder.AddFilter(CheckpointsCategory, LogLevel.Debug),
        };
        if (crashAfter is var (invocation, calls))
        {
            options.CrashAfterCheckpoints[invocation] = calls;
        }

        using var runner = new LocalDurableRunner(options);
        var logger = runner.LoggerFactory.CreateLogger(WorkflowCategory);
        return await runner.RunToEndAsync<string, string>("input", Workflow(logger), cancellationToken);
    }

    /// <summary>Steps with lines before, inside and after each, a child context, and a wait that splits the work over two invocations.</summary>
    private static Func<string?, IDurableContext, Task<string>> Workflow(ILogger logger) => async (input, context) =>
    {
        logger.LogInformation("start");
        for (var step = 1; step <= Steps; step++)
        {
            var number = step;
            logger.LogInformation("before s{Step}", number);
            await context.StepAsync(
                _ =>
                {
                    logger.LogInformation("in s{Step}", number);
                    return Task.FromResult(number);
                },
                $"s{number}");
            logger.LogInformation("after s{Step}", number);
            if (number == Steps / 2)
            {
                await context.WaitAsync(TimeSpan.FromSeconds(5), "pause");
                logger.LogInformation("after pause");
            }
        }

        await context.RunInChildContextAsync(
            async child =>
            {
                logger.LogInformation("in child");
                await child.StepAsync(
                    _ =>
                    {
                        logger.LogInformation("in child step");
                        return Task.FromResult(0);
                    },
                    "child step");
                logger.LogInformation("after child step");
                return 0;
            },
            "child");
        logger.LogInformation("end");
        return "done";
    };
}
