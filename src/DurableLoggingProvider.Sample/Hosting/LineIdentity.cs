using System;
using System.Text.Json.Nodes;

namespace DurableLoggingProvider.Sample.Hosting;

/// <summary>
/// What makes a written line the same line when written again by a later invocation: everything but its
/// timestamp and the request id of the invocation that wrote it. A retried step's attempts differ in
/// their <c>attempt</c> field, so they are different lines.
/// </summary>
internal static class LineIdentity
{
    public static string Of(string line)
    {
        if (line.StartsWith('{'))
        {
            var record = JsonNode.Parse(line)!.AsObject();
            record.Remove("timestamp");
            record.Remove("requestId");
            record.Remove("traceId");
            return record.ToJsonString();
        }

        // Text: timestamp, request id, level, message and fields, separated by tabs.
        var columns = line.Split('\t', 3);
        return columns.Length == 3 ? columns[2] : line;
    }

    /// <summary>A shorter form of a line for a report.</summary>
    public static string Describe(string line) =>
        line.Length <= 160 ? line : string.Concat(line.AsSpan(0, 157), "...");
}
