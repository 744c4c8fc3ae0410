using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>
/// What the scenario tests share: running an execution to its end without letting a suspension bug hang
/// the suite, and reading the durable fields of the lines it wrote.
/// </summary>
internal static class ScenarioRecords
{
    /// <summary>How long any scenario may run; a workflow that neither ends nor suspends fails the test instead of hanging it.</summary>
    public const int TimeoutMilliseconds = 30_000;

    /// <summary>The ARN the local runner gives every execution unless told otherwise.</summary>
    public static readonly string ExecutionArn = new LocalRunnerOptions().ExecutionArn;

    /// <summary>
    /// Runs the execution until it ends. The engine only watches the token between invocations, so the wait
    /// itself is cancelled too: an invocation that never returns fails the test when the token fires.
    /// </summary>
    public static Task<LocalRunResult<TOutput>> RunToEndAsync<TInput, TOutput>(
        this LocalDurableRunner runner, TInput input, Func<TInput, IDurableContext, Task<TOutput>> handler, CancellationToken cancellationToken) =>
        runner.RunAsync(input, handler, cancellationToken).WaitAsync(cancellationToken);

    /// <summary>A string field of a line, or <see langword="null"/> when the line does not carry it.</summary>
    public static string? Text(this JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A number field of a line, or <see langword="null"/> when the line does not carry it.</summary>
    public static int? Number(this JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    /// <summary>Whether the line carries the field at all.</summary>
    public static bool Has(this JsonElement record, string field) => record.TryGetProperty(field, out _);

    /// <summary>The <c>requestId</c> of each line, in order.</summary>
    public static IReadOnlyList<string?> RequestIds(this IEnumerable<JsonElement> records) => records.Select(record => record.Text("requestId")).ToList();

    /// <summary>Every message written, with how many times it was written.</summary>
    public static IReadOnlyDictionary<string, int> MessageCounts<T>(this LocalRunResult<T> result) =>
        result.Records
            .Select(record => record.Text("message") ?? string.Empty)
            .GroupBy(message => message, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    /// <summary>The request id of invocation <paramref name="number"/> (1-based).</summary>
    public static string RequestIdOf<T>(this LocalRunResult<T> result, int number) => result.Invocations[number - 1].RequestId;
}
