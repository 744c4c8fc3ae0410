using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

[TestFixture(ServiceClientKind.Direct)]
[TestFixture(ServiceClientKind.Lambda)]
public class SequentialWorkflowTests(ServiceClientKind client) : ConformanceFixture(client)
{
    private static readonly Dictionary<string, int> s_eachOnce = new() { ["A"] = 1, ["B"] = 1, ["C"] = 1, ["D"] = 1 };

    internal static async Task<string> StepsAroundAWait(string? input, IDurableContext context, ILogger logger)
    {
        logger.LogInformation("A");
        await context.StepAsync(_ => Task.FromResult(1), "s1");
        logger.LogInformation("B");
        await context.WaitAsync(TimeSpan.FromSeconds(5), "pause");
        logger.LogInformation("C");
        await context.StepAsync(_ => Task.FromResult(2), "s2");
        logger.LogInformation("D");
        return "done";
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario1_StepsAroundASkippedWaitWriteEachLineOnceInTwoInvocations(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", StepsAroundAWait, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, s_eachOnce);
        Assert.That(result.Result, Is.EqualTo("\"done\""));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task TheEventReachesTheEngineAsTheRealServicesWould(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", StepsAroundAWait, null, cancellationToken);

        var waitId = (string?)result.OperationsNamed("pause").Single()["Id"];
        var arns = result.Records.Select(record => record.GetProperty("executionArn").GetString()).Distinct().ToList();
        Assert.Multiple(() =>
        {
            // Mapping 1: a durable execution ARN, the same for every invocation.
            Assert.That(arns, Has.Count.EqualTo(1));
            Assert.That(arns[0], Does.Match("^arn:aws:lambda:us-east-2:123456789012:function:my-function-name:1/durable-execution/[^/]+/[0-9a-f-]{36}$"));
            // Mapping 3: the runner's UpdatedOperationIds reach the engine: the wait fired while the execution was suspended.
            Assert.That(result.Invocations[0].UpdatedOperationIds, Is.Empty);
            Assert.That(result.Invocations[1].UpdatedOperationIds, Does.Contain(waitId));
            // Mapping 4: a request id per invocation.
            Assert.That(result.Invocations.Select(invocation => invocation.RequestId).Distinct().Count(), Is.EqualTo(2));
        });
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario11_StateReadThroughGetStatePagesGivesTheUnpagedAnswer(CancellationToken cancellationToken)
    {
        // Two operations in the event, the rest through get-state pages of two.
        var options = new ConformanceRunOptions { PageSize = 2, StatePageSize = 2 };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            for (var number = 1; number <= 6; number++)
            {
                await context.StepAsync(_ => Task.FromResult(number), $"s{number}");
                logger.LogInformation("after s{Number}", number);
            }

            await context.WaitAsync(TimeSpan.FromSeconds(5), "pause");
            logger.LogInformation("after the wait");
            return "done";
        }, options, cancellationToken);

        var expected = Enumerable.Range(1, 6).ToDictionary(number => $"after s{number}", _ => 1);
        expected["after the wait"] = 1;
        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, expected);
        // The second invocation's state holds eight operations: two in the event, three pages of two read.
        Assert.That(result.StateReads, Is.EqualTo(3));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario10_TwoHundredStepsWithAWaitEveryTwentyWriteEachLineOnceInElevenInvocations(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, int>("input", async (input, context, logger) =>
        {
            for (var number = 1; number <= 200; number++)
            {
                await context.StepAsync(_ => Task.FromResult(number), $"s{number}");
                logger.LogInformation("step {Number}", number);
                if (number % 20 == 0)
                {
                    await context.WaitAsync(TimeSpan.FromSeconds(1), $"pause {number}");
                }
            }

            return 200;
        }, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 11, Enumerable.Range(1, 200).ToDictionary(number => $"step {number}", _ => 1));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario14_InEmitModeTheReplayedLinesAreWrittenAgain(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", StepsAroundAWait, new ConformanceRunOptions { ReplayMode = ReplayMode.Emit }, cancellationToken);

        // The second invocation replays A and B.
        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["A"] = 2, ["B"] = 2, ["C"] = 1, ["D"] = 1 });
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario14_InMarkModeTheReplayedLinesAreWrittenAgainMarkedAsReplays(CancellationToken cancellationToken)
    {
        var result = await RunAsync<string, string>("input", StepsAroundAWait, new ConformanceRunOptions { ReplayMode = ReplayMode.Mark }, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["A"] = 2, ["B"] = 2, ["C"] = 1, ["D"] = 1 });
        var replayed = result.Records.Where(record => record.TryGetProperty("replay", out var replay) && replay.GetBoolean()).Select(record => record.GetProperty("message").GetString());
        Assert.That(replayed, Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task TheEventsIsoTimestampsAsTheRunnerWritesThemReachTheEngineAsTheSameInstants(CancellationToken cancellationToken)
    {
        // durable-wire-format.md section 1: a parser accepts epoch milliseconds and ISO 8601; the proxy hands the runner's ISO strings over.
        var result = await RunAsync<string, string>("input", StepsAroundAWait, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, s_eachOnce);
        var timestamps = StartTimestamps(result.Invocations[1]);
        Assert.That(timestamps, Is.Not.Empty, result.ToString);
        Assert.Multiple(() =>
        {
            foreach (var (sent, read) in timestamps)
            {
                Assert.That(sent.GetValueKind(), Is.EqualTo(JsonValueKind.String), sent.ToJsonString());
                Assert.That(read, Is.EqualTo(DateTimeOffset.Parse(sent.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()), sent.ToJsonString());
            }
        });
    }

    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task TheEventsTimestampsAsEpochMillisecondsTheRealServicesFormReachTheEngineUnchanged(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { EpochMillisecondTimestamps = true };

        var result = await RunAsync<string, string>("input", StepsAroundAWait, options, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, s_eachOnce);
        var timestamps = StartTimestamps(result.Invocations[1]);
        Assert.That(timestamps, Is.Not.Empty, result.ToString);
        Assert.Multiple(() =>
        {
            foreach (var (sent, read) in timestamps)
            {
                Assert.That(sent.GetValueKind(), Is.EqualTo(JsonValueKind.Number), sent.ToJsonString());
                Assert.That(read, Is.EqualTo(sent.GetValue<long>()), sent.ToJsonString());
            }
        });
    }

    // Each operation's StartTimestamp as the event carried it, with what the engine read for it.
    private static List<(JsonValue Sent, long? Read)> StartTimestamps(ConformanceInvocation invocation)
    {
        var read = invocation.Input!.InitialExecutionState!.Operations.ToDictionary(operation => operation.Id, operation => operation.StartTimestamp);
        return JsonNode.Parse(invocation.Event)!["InitialExecutionState"]!["Operations"]!.AsArray()
            .OfType<JsonObject>()
            .Where(operation => operation["StartTimestamp"] is JsonValue)
            .Select(operation => (operation["StartTimestamp"]!.AsValue(), read[(string)operation["Id"]!]))
            .ToList();
    }
}
