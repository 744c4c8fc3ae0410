using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableLoggingProvider.Conformance.Tests.Proxy;

namespace DurableLoggingProvider.Conformance.Tests.Harness;

/// <summary>How a workflow ended under AWS's runner: the runner's verdict, every invocation, every checkpoint call and every line.</summary>
internal sealed class ConformanceResult
{
    public ConformanceResult(ServiceClientKind client, JsonObject ended, IReadOnlyList<ConformanceInvocation> invocations, IReadOnlyList<CheckpointCall> checkpointCalls, IReadOnlyList<JsonElement> records)
    {
        Client = client;
        Requests = (int?)ended["requests"] ?? 0;
        SignedRequests = (int?)ended["signedRequests"] ?? 0;
        CheckpointsWithClientToken = (int?)ended["checkpointsWithClientToken"] ?? 0;
        Status = (string?)ended["status"] ?? "UNKNOWN";
        Result = (string?)ended["result"];
        Error = ended["error"]?.ToJsonString();
        RunnerError = (string?)ended["runnerError"];
        AnswerProblems = ended["answerProblems"]?.AsArray().Select(problem => (string?)problem ?? string.Empty).ToList() ?? [];
        Operations = ended["operations"]?.AsArray() ?? [];
        Invocations = invocations;
        CheckpointCalls = checkpointCalls;
        Records = records;
    }

    /// <summary>The client the engine was given.</summary>
    public ServiceClientKind Client { get; }

    /// <summary>How many requests reached the proxy's REST front for this execution.</summary>
    public int Requests { get; }

    /// <summary>How many of those carried a SigV4 <c>Authorization</c> header for the service <c>lambda</c>.</summary>
    public int SignedRequests { get; }

    /// <summary>How many checkpoint requests carried a <c>ClientToken</c>.</summary>
    public int CheckpointsWithClientToken { get; }

    /// <summary>The execution's status as AWS's runner reports it (<c>SUCCEEDED</c>, <c>FAILED</c>), or <c>RUNNER_ERROR</c> when the run itself failed.</summary>
    public string Status { get; }

    /// <summary>The execution's result as JSON text, when it succeeded.</summary>
    public string? Result { get; }

    /// <summary>The execution's error as JSON text, when it failed.</summary>
    public string? Error { get; }

    /// <summary>Why the runner gave up, when it did (a failed invocation, PENDING with nothing pending).</summary>
    public string? RunnerError { get; }

    /// <summary>Callback answers the proxy could not send.</summary>
    public IReadOnlyList<string> AnswerProblems { get; }

    /// <summary>The operations AWS's server holds at the end, as the runner reports them.</summary>
    public JsonArray Operations { get; }

    /// <summary>Every engine invocation, lost ones included.</summary>
    public IReadOnlyList<ConformanceInvocation> Invocations { get; }

    /// <summary>Every checkpoint call, in order.</summary>
    public IReadOnlyList<CheckpointCall> CheckpointCalls { get; }

    /// <summary>How many get-state calls the engine (and a lost invocation's retry) made.</summary>
    public int StateReads { get; init; }

    /// <summary>The checkpoint calls AWS refused.</summary>
    public IReadOnlyList<CheckpointCall> Refusals => CheckpointCalls.Where(call => call.Refusal is not null).ToList();

    /// <summary>Every line the workflow's <c>ILogger&lt;ConformanceWorkflow&gt;</c> wrote, across all invocations.</summary>
    public IReadOnlyList<JsonElement> Records { get; }

    /// <summary>Each message written, with how many times.</summary>
    public IReadOnlyDictionary<string, int> LineCounts() =>
        Records
            .GroupBy(record => record.GetProperty("message").GetString() ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    /// <summary>The request ids of the lines with this message, in order.</summary>
    public IReadOnlyList<string?> RequestIdsOf(string message) =>
        Records.Where(record => record.GetProperty("message").GetString() == message).Select(record => record.GetProperty("requestId").GetString()).ToList();

    /// <summary>The request id of invocation <paramref name="number"/> (1-based).</summary>
    public string RequestIdOf(int number) => Invocations[number - 1].RequestId;

    /// <summary>The operations AWS holds with this name.</summary>
    public IReadOnlyList<JsonObject> OperationsNamed(string name) =>
        Operations.OfType<JsonObject>().Where(operation => (string?)operation["Name"] == name).ToList();

    /// <summary>
    /// The figures of docs/conformance.md's table, on one line (<c>node/figures.mjs</c> reads it): the
    /// client, status, refusals, invocations, checkpoint calls, lines and duplicates, and last each
    /// line's count as a JSON object.
    /// </summary>
    public string Figures()
    {
        var counts = LineCounts();
        var duplicates = counts.Values.Sum(count => Math.Max(0, count - 1));
        var countsJson = new JsonObject(counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))).ToJsonString();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"client={Client} status={Status} refusals={Refusals.Count} invocations={Invocations.Count} checkpoints={CheckpointCalls.Count} lines={Records.Count} duplicates={duplicates} counts={countsJson}");
    }

    /// <summary>Everything a failing assertion should show.</summary>
    public override string ToString() =>
        $"{Figures()}; runnerError={RunnerError}; error={Error}; answerProblems=[{string.Join("; ", AnswerProblems)}]; " +
        $"invocations=[{string.Join(", ", Invocations.Select(invocation => $"{invocation.Number}:{invocation.Status}{(invocation.Failure is null ? string.Empty : $" ({invocation.Failure})")}"))}]; " +
        $"refusals=[{string.Join("; ", Refusals.Select(call => call.Refusal))}]; lines=[{string.Join(", ", LineCounts().Select(pair => $"{pair.Key}×{pair.Value}"))}]";
}
