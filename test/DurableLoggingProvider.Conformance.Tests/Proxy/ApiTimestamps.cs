using System;
using System.Text.Json.Nodes;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// The Lambda API's JSON answers carry timestamps as epoch seconds (restJson1's default), the event and the
/// engine's wire model epoch milliseconds (durable-wire-format.md sections 1 and 7): a client converts them.
/// </summary>
internal static class ApiTimestamps
{
    /// <summary>Rewrites the operations' timestamps from epoch seconds to epoch milliseconds, in place.</summary>
    public static void ToMilliseconds(JsonArray? operations)
    {
        foreach (var operation in operations ?? [])
        {
            if (operation is not JsonObject fields)
            {
                continue;
            }

            Convert(fields, "StartTimestamp");
            Convert(fields, "EndTimestamp");
            Convert(fields["StepDetails"] as JsonObject, "NextAttemptTimestamp");
            Convert(fields["WaitDetails"] as JsonObject, "ScheduledEndTimestamp");
        }
    }

    private static void Convert(JsonObject? fields, string name)
    {
        if (fields?[name] is JsonValue value && value.TryGetValue<double>(out var seconds))
        {
            fields[name] = (long)Math.Round(seconds * 1000);
        }
    }
}
