using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing.Tests.Support;

/// <summary>What the runner tests share: running to the end without letting a bug hang the suite, and reading lines.</summary>
internal static class RunnerCalls
{
    /// <summary>How long any run may take; every async test is cancelled after it.</summary>
    public const int TimeoutMilliseconds = 30_000;

    /// <summary>
    /// Runs the execution until it ends; the test's token cancels it, so that an invocation that never returns
    /// fails the test instead of hanging it.
    /// </summary>
    public static Task<LocalRunResult<TOutput>> RunToEndAsync<TInput, TOutput>(
        this LocalDurableRunner runner, TInput input, Func<TInput, IDurableContext, Task<TOutput>> handler, CancellationToken cancellationToken) =>
        runner.RunAsync(input, handler, cancellationToken);

    /// <summary>The <c>message</c> of each line, in order.</summary>
    public static IReadOnlyList<string?> Messages(this IEnumerable<JsonElement> records) =>
        records.Select(record => record.TryGetProperty("message", out var message) ? message.GetString() : null).ToList();

    /// <summary>How long the operation ran on the service's clock.</summary>
    public static TimeSpan Lasted(this Operation operation) => TimeSpan.FromMilliseconds(operation.EndTimestamp!.Value - operation.StartTimestamp!.Value);
}
