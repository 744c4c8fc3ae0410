using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>What identifies a written line across two runs of one workflow: its message and the durable fields it carries.</summary>
internal static class LineSignatures
{
    /// <summary>The lines of <paramref name="category"/>, each as <c>message | invocation | parentId | operationId | attempt</c>, sorted (concurrent branches write in no fixed order).</summary>
    public static IReadOnlyList<string> Of(IEnumerable<JsonElement> records, string category) =>
        records
            .Where(record => record.GetProperty("category").GetString() == category)
            .Select(record => string.Join(" | ", Field(record, "message"), Invocation(record), Field(record, "parentId"), Field(record, "operationId"), Field(record, "attempt")))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The messages of <paramref name="category"/>'s lines, sorted.</summary>
    public static IReadOnlyList<string> Messages(IEnumerable<JsonElement> records, string category) =>
        records
            .Where(record => record.GetProperty("category").GetString() == category)
            .Select(record => record.GetProperty("message").GetString() ?? string.Empty)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The invocation a line was written in, as the last part of its request id: the runners number their
    /// invocations there, while the rest differs from run to run.
    /// </summary>
    private static string Invocation(JsonElement record)
    {
        var requestId = Field(record, "requestId");
        return requestId[(requestId.LastIndexOf('-') + 1)..];
    }

    private static string Field(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? value.ToString() : "-";
}
