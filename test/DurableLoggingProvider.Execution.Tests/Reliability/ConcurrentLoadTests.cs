using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Execution.Tests.Scenarios;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// The promise under load, as on a Lambda Managed Instance (<c>AWS_LAMBDA_MAX_CONCURRENCY</c> set): 64
/// executions at once in one process, each logging 1,000 lines over five invocations, all through one
/// logger factory into one sink. Every line parses; no line is interleaved with another (each holds exactly
/// its own record's text); every line carries its own execution's ARN and the request id of the invocation
/// that wrote it; the number written is the number logged.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ConcurrentLoadTests
{
    private const int Executions = 64;
    private const int Invocations = 5;
    private const int LinesPerInvocation = 200;
    private const int LinesPerExecution = Invocations * LinesPerInvocation;
    private const string MaxConcurrency = "AWS_LAMBDA_MAX_CONCURRENCY";

    private string? _maxConcurrency;

    [SetUp]
    public void RunAsAManagedInstance()
    {
        _maxConcurrency = Environment.GetEnvironmentVariable(MaxConcurrency);
        Environment.SetEnvironmentVariable(MaxConcurrency, Executions.ToString(CultureInfo.InvariantCulture));
    }

    [TearDown]
    public void RestoreEnvironment() => Environment.SetEnvironmentVariable(MaxConcurrency, _maxConcurrency);

    [Test]
    [CancelAfter(30_000)]
    public async Task SixtyFourExecutionsLoggingAThousandLinesEachKeepEveryLineWholeAndTheirOwn(CancellationToken cancellationToken)
    {
        var sink = new RecordingLogSink();
        using var services = InvocationDriver.CreateLogging(sink);
        var factory = services.GetRequiredService<ILoggerFactory>();
        var runners = Enumerable.Range(0, Executions)
            .Select(execution => new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = Arn(execution), LoggerFactory = factory, Sink = sink }))
            .ToList();
        var clock = Stopwatch.StartNew();
        LocalRunResult<int>[] results;
        try
        {
            results = await Task.WhenAll(runners.Select((runner, execution) =>
                runner.RunAsync<int, int>(execution, Workflow(factory.CreateLogger("Load")), cancellationToken))).WaitAsync(cancellationToken);
        }
        finally
        {
            runners.ForEach(runner => runner.Dispose());
        }

        var elapsed = clock.Elapsed;
        var lines = sink.Lines;
        var problems = new List<string>();
        var seen = new HashSet<(int Execution, int Line)>();
        foreach (var line in lines)
        {
            if (Problem(line, results, seen) is { } problem)
            {
                problems.Add($"{problem}: {line}");
            }
        }

        TestContext.Out.WriteLine(
            $"{Executions} executions x {Invocations} invocations x {LinesPerInvocation} lines: {lines.Count} lines written " +
            $"({seen.Count} distinct workflow lines) in {elapsed.TotalSeconds:F1} s, {problems.Count} problems");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Select(result => result.Status), Is.All.EqualTo(InvocationStatus.Succeeded));
            Assert.That(results.Select(result => result.Invocations.Count), Is.All.EqualTo(Invocations));
            Assert.That(problems.Take(20), Is.Empty, $"{problems.Count} lines are broken, foreign or repeated");
            Assert.That(lines, Has.Count.EqualTo(Executions * LinesPerExecution), "the count written is the count logged");
            Assert.That(seen, Has.Count.EqualTo(Executions * LinesPerExecution), "every line written once");
        }
    }

    /// <summary>
    /// Five invocations: in each, 100 lines in the workflow and 100 in a step's body, then a wait that ends
    /// the invocation. Replayed lines are not written again, so each line is written once, by the invocation
    /// that ran it.
    /// </summary>
    private static Func<int, IDurableContext, Task<int>> Workflow(ILogger logger) => async (execution, context) =>
    {
        for (var invocation = 0; invocation < Invocations; invocation++)
        {
            var first = invocation * LinesPerInvocation;
            for (var line = first; line < first + (LinesPerInvocation / 2); line++)
            {
                logger.LogInformation("Execution {Execution} line {Line}", execution, line);
            }

            await context.StepAsync(
                step =>
                {
                    for (var line = first + (LinesPerInvocation / 2); line < first + LinesPerInvocation; line++)
                    {
                        step.Logger.LogInformation("Execution {Execution} line {Line}", execution, line);
                    }

                    return Task.FromResult(first);
                },
                $"step {invocation}");
            if (invocation < Invocations - 1)
            {
                await context.WaitAsync(TimeSpan.FromSeconds(1), $"pause {invocation}");
            }
        }

        return execution;
    };

    /// <summary>What is wrong with a line, or <see langword="null"/>: it must be one JSON record of one workflow line, with its own execution's ARN and invocation's request id, seen once.</summary>
    private static string? Problem(string line, LocalRunResult<int>[] results, HashSet<(int Execution, int Line)> seen)
    {
        JsonElement record;
        try
        {
            using var document = JsonDocument.Parse(line);
            record = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return "not one JSON record";
        }

        if (!record.TryGetProperty("Execution", out var executionValue) || !record.TryGetProperty("Line", out var lineValue))
        {
            return "not a workflow line";
        }

        var execution = executionValue.GetInt32();
        var number = lineValue.GetInt32();
        if (record.GetProperty("message").GetString() != $"Execution {execution} line {number}")
        {
            return "its message is not its own";
        }

        if (record.GetProperty("executionArn").GetString() != Arn(execution))
        {
            return "another execution's ARN";
        }

        if (record.GetProperty("requestId").GetString() != results[execution].RequestIdOf((number / LinesPerInvocation) + 1))
        {
            return "not the request id of the invocation that ran it";
        }

        return seen.Add((execution, number)) ? null : "written twice";
    }

    private static string Arn(int execution) =>
        $"arn:aws:lambda:us-east-1:123456789012:function:orders:1/durable-execution/load-{execution}/7a2b3c4d-0000-4000-8000-{execution:D12}";
}
