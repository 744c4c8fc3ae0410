using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// Many executions in one process at once, writing through one logger factory to one sink: every line
/// carries its own execution's ARN and request id, and every line is written exactly once.
/// </summary>
[TestFixture]
public class ConcurrentExecutionsTests
{
    private const int Executions = 50;
    private const string Category = "Workflow";

    /// <summary>Each line of the workflow, and the invocation (1-based) that writes it.</summary>
    private static readonly (string Line, int Invocation)[] s_lines =
    [
        ("start", 1), ("in step", 1),
        ("after first wait", 2), ("in child", 2),
        ("child resumed", 3), ("end", 3),
    ];

    [Test]
    [CancelAfter(60000)]
    public async Task FiftyLocalRunsSharingOneSinkKeepTheirLinesApart(CancellationToken cancellationToken)
    {
        var (results, records) = await RunConcurrentlyAsync(cancellationToken);

        AssertLines(records, index => results[index].Invocations.Select(invocation => invocation.RequestId).ToList());
        Assert.That(results.Select(result => result.Result), Is.EqualTo(Enumerable.Range(0, Executions)));
    }

    [Test]
    [CancelAfter(60000)]
    public async Task FiftyExecutionsWithTheirOwnRequestIdsKeepTheirLinesApart(CancellationToken cancellationToken)
    {
        var sink = new RecordingLogSink();
        using var services = InvocationDriver.CreateLogging(sink);
        var factory = services.GetRequiredService<ILoggerFactory>();
        var drivers = Enumerable.Range(0, Executions)
            .Select(index => new InvocationDriver(
                executionArn: Arn(index),
                inputPayload: index.ToString(CultureInfo.InvariantCulture),
                sharedLogging: (factory, sink),
                requestIdPrefix: $"execution-{index}-request-"))
            .ToList();
        try
        {
            var outputs = await Task.WhenAll(drivers.Select(driver =>
                driver.RunUntilEndAsync(Workflow(factory.CreateLogger(Category)), cancellationToken))).WaitAsync(cancellationToken);

            AssertLines(sink.JsonRecords(), index => drivers[index].RequestIds);
            Assert.That(outputs.Select(output => output[^1].Result), Is.EqualTo(Enumerable.Range(0, Executions).Select(index => index.ToString(CultureInfo.InvariantCulture))));
        }
        finally
        {
            drivers.ForEach(driver => driver.Dispose());
        }
    }

    [Test]
    [CancelAfter(60000)]
    public async Task EachLocalRunsInvocationsHaveRequestIdsNoOtherRunHas(CancellationToken cancellationToken)
    {
        var (results, _) = await RunConcurrentlyAsync(cancellationToken);

        // Every Lambda invocation has its own request id (durable-wire-format.md, section 1).
        Assert.That(results.SelectMany(result => result.Invocations.Select(invocation => invocation.RequestId)), Is.Unique);
    }

    [Test]
    [CancelAfter(60000)]
    public async Task EachLocalRunsRecordsHoldOnlyItsOwnLines(CancellationToken cancellationToken)
    {
        var (results, _) = await RunConcurrentlyAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            for (var index = 0; index < Executions; index++)
            {
                var foreign = results[index].Records
                    .Where(record => record.TryGetProperty("executionArn", out var arn) && arn.GetString() != Arn(index))
                    .Select(record => record.GetProperty("message").GetString())
                    .ToList();
                Assert.That(foreign, Is.Empty, $"execution {index}'s records");
            }
        });
    }

    /// <summary>Runs the workflow in 50 local runs at once, all writing through one logger factory to one sink.</summary>
    private static async Task<(LocalRunResult<int>[] Results, IReadOnlyList<JsonElement> Records)> RunConcurrentlyAsync(CancellationToken cancellationToken)
    {
        var sink = new RecordingLogSink();
        using var services = InvocationDriver.CreateLogging(sink);
        var factory = services.GetRequiredService<ILoggerFactory>();
        var runners = Enumerable.Range(0, Executions)
            .Select(index => new LocalDurableRunner(new LocalRunnerOptions { ExecutionArn = Arn(index), LoggerFactory = factory, Sink = sink }))
            .ToList();
        try
        {
            var results = await Task.WhenAll(runners.Select((runner, index) =>
                runner.RunAsync<int, int>(index, Workflow(factory.CreateLogger(Category)), cancellationToken))).WaitAsync(cancellationToken);
            return (results, sink.JsonRecords());
        }
        finally
        {
            runners.ForEach(runner => runner.Dispose());
        }
    }

    private static Func<int, IDurableContext, Task<int>> Workflow(ILogger logger) => async (index, context) =>
    {
        logger.LogInformation("execution {Index}: start", index);
        await context.StepAsync(
            step =>
            {
                step.Logger.LogInformation("execution {Index}: in step", index);
                return Task.FromResult(index);
            },
            "work");
        await context.WaitAsync(TimeSpan.FromSeconds(1 + (index % 3)), "first pause");
        logger.LogInformation("execution {Index}: after first wait", index);
        await context.RunInChildContextAsync(
            async child =>
            {
                logger.LogInformation("execution {Index}: in child", index);
                await child.WaitAsync(TimeSpan.FromSeconds(1), "child pause");
                logger.LogInformation("execution {Index}: child resumed", index);
            },
            "child");
        logger.LogInformation("execution {Index}: end", index);
        return index;
    };

    private static void AssertLines(IReadOnlyList<JsonElement> records, Func<int, IReadOnlyList<string>> requestIdsOf)
    {
        var workflowLines = records.Where(record => record.GetProperty("message").GetString()!.StartsWith("execution ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(workflowLines, Has.Count.EqualTo(Executions * s_lines.Length), "no line is missing or written twice");
            for (var index = 0; index < Executions; index++)
            {
                var requestIds = requestIdsOf(index);
                Assert.That(requestIds, Has.Count.EqualTo(3), $"execution {index} runs in three invocations");
                foreach (var (line, invocation) in s_lines)
                {
                    var message = $"execution {index}: {line}";
                    var written = workflowLines.Where(record => record.GetProperty("message").GetString() == message).ToList();
                    Assert.That(written, Has.Count.EqualTo(1), message);
                    if (written.Count == 1 && requestIds.Count == 3)
                    {
                        Assert.That(written[0].GetProperty("executionArn").GetString(), Is.EqualTo(Arn(index)), message);
                        Assert.That(written[0].GetProperty("requestId").GetString(), Is.EqualTo(requestIds[invocation - 1]), message);
                    }
                }
            }
        });
    }

    private static string Arn(int index) =>
        $"arn:aws:lambda:us-east-1:123456789012:function:orders:1/durable-execution/order-{index}/6f1c2a9e-0000-4000-8000-{index:D12}";
}
