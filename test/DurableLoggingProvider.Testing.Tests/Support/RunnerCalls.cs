using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing.Tests.Support;

/// <summary>What the runner tests share: the time any run may take (LocalDurableRunner.RunAsync gives up promptly when the test's token is cancelled), and reading lines.</summary>
internal static class RunnerCalls
{
    /// <summary>How long any run may take; every async test is cancelled after it.</summary>
    public const int TimeoutMilliseconds = 30_000;

    /// <summary>The <c>message</c> of each line, in order.</summary>
    public static IReadOnlyList<string?> Messages(this IEnumerable<JsonElement> records) =>
        records.Select(record => record.TryGetProperty("message", out var message) ? message.GetString() : null).ToList();

    /// <summary>How long the operation ran on the service's clock.</summary>
    public static TimeSpan Lasted(this Operation operation) => TimeSpan.FromMilliseconds(operation.EndTimestamp!.Value - operation.StartTimestamp!.Value);
}
