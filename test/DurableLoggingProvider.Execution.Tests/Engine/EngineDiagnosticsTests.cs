using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// The engine's own diagnostic lines: Debug, under <c>DurableLoggingProvider.Execution.*</c> categories that
/// one filter silences, through the same replay gate as every other line (replay-gate.md, "The gate itself").
/// </summary>
[TestFixture]
public class EngineDiagnosticsTests
{
    private const string EngineCategoryPrefix = "DurableLoggingProvider.Execution.";

    [Test]
    [CancelAfter(30000)]
    public async Task TheEnginesDiagnosticLinesAreDebugLinesUnderItsOwnCategories(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Debug) });

        var result = await runner.RunAsync<string, int>("input", BranchingWorkflow(runner.LoggerFactory.CreateLogger("Workflow")), cancellationToken).WaitAsync(cancellationToken);

        var engineLines = result.Records.Where(record => record.GetProperty("category").GetString() != "Workflow").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(engineLines, Is.Not.Empty);
            Assert.That(engineLines.Select(record => record.GetProperty("category").GetString()), Is.All.StartsWith(EngineCategoryPrefix));
            Assert.That(engineLines.Select(record => record.GetProperty("level").GetString()), Is.All.EqualTo("DEBUG"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task OneFilterAtWarningSilencesTheEnginesDiagnosticLines(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Debug).AddFilter("DurableLoggingProvider.Execution", LogLevel.Warning),
        });

        var result = await runner.RunAsync<string, int>("input", BranchingWorkflow(runner.LoggerFactory.CreateLogger("Workflow")), cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Records.Select(record => record.GetProperty("category").GetString()), Is.All.EqualTo("Workflow"));
            Assert.That(result.RecordsWithMessage("debug line of the workflow"), Has.Count.EqualTo(1), "Debug lines of other categories are still written");
        });
    }

    [TestCase(ReplayMode.Suppress, 1)]
    [TestCase(ReplayMode.Emit, 2)]
    [CancelAfter(30000)]
    public async Task TheEnginesDiagnosticLinesFollowTheReplayGate(ReplayMode mode, int expectedLines, CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { ReplayMode = mode, ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Debug) });

        var result = await runner.RunAsync<string, int>("input", BranchingWorkflow(runner.LoggerFactory.CreateLogger("Workflow")), cancellationToken).WaitAsync(cancellationToken);

        // The long branch's wait is pending in invocations 1 and 2; in invocation 2 that branch replays.
        var longWaitId = OperationIds.Create(OperationIds.Create(OperationIdsTests.FirstRootOperation, 2), 1);
        var aboutTheLongWait = result.Records
            .Where(record => record.GetProperty("category").GetString()!.StartsWith(EngineCategoryPrefix, StringComparison.Ordinal))
            .Where(record => record.TryGetProperty("OperationId", out var id) && id.GetString() == longWaitId)
            .Select(record => record.GetProperty("requestId").GetString())
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations, Has.Count.EqualTo(3));
            Assert.That(aboutTheLongWait.Where(requestId => requestId != result.Invocations[2].RequestId).ToList(), Has.Count.EqualTo(expectedLines));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EveryCheckpointCallsDiagnosticLineIsWrittenOnce(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver(configureLogging: logging => logging.SetMinimumLevel(LogLevel.Debug));

        var outputs = await driver.RunUntilEndAsync(BranchingWorkflow(driver.LoggerFactory.CreateLogger("Workflow")), cancellationToken);

        // Each checkpoint call happens once and is never replayed: its line is new work in every invocation.
        var checkpointLines = driver.Sink.JsonRecords().Where(record => record.TryGetProperty("eventName", out var name) && name.GetString() == "CheckpointSent").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outputs[^1].Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(checkpointLines, Has.Count.EqualTo(driver.Service.CheckpointCalls));
        });
    }

    /// <summary>A parallel of a 1 s and a 3 s wait, each branch with a step: three invocations.</summary>
    private static Func<string?, IDurableContext, Task<int>> BranchingWorkflow(ILogger logger) => async (_, context) =>
    {
        var branches = await context.ParallelAsync(
            new Func<IDurableContext, Task<int>>[]
            {
                async branch =>
                {
                    await branch.WaitAsync(TimeSpan.FromSeconds(1), "short");
                    return await branch.StepAsync(_ => Task.FromResult(1), "after short");
                },
                async branch =>
                {
                    await branch.WaitAsync(TimeSpan.FromSeconds(3), "long");
                    return await branch.StepAsync(_ => Task.FromResult(2), "after long");
                },
            },
            "branches");
        logger.LogDebug("debug line of the workflow");
        return branches.GetResults().Sum();
    };
}
