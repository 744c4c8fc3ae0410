using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// The two operations' requests and responses as the REST API has them (<c>spec/durable-wire-format.md</c>
/// section 7): the ARN percent-encoded in the path, the state page's parameters in the query, and epoch-second
/// timestamps in responses, turned into the engine's epoch milliseconds before the one wire format reads them.
/// </summary>
internal static class DurableApiMessages
{
    private const string ApiVersionPath = "/2025-12-01/durable-executions/";

    // The four timestamp members of the API's Operation shape (Operation, StepDetails, WaitDetails).
    private static readonly HashSet<string> s_timestampMembers = ["StartTimestamp", "EndTimestamp", "NextAttemptTimestamp", "ScheduledEndTimestamp"];

    public static string CheckpointPath(string executionArn) =>
        ApiVersionPath + Uri.EscapeDataString(executionArn) + "/checkpoint";

    public static string StatePathAndQuery(ExecutionStateRequest request)
    {
        var builder = new StringBuilder(ApiVersionPath)
            .Append(Uri.EscapeDataString(request.DurableExecutionArn))
            .Append("/state?CheckpointToken=")
            .Append(Uri.EscapeDataString(request.CheckpointToken ?? string.Empty));
        if (!string.IsNullOrEmpty(request.Marker))
        {
            builder.Append("&Marker=").Append(Uri.EscapeDataString(request.Marker));
        }

        if (request.MaxItems is { } maxItems)
        {
            builder.Append("&MaxItems=").Append(maxItems.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The checkpoint's body: <c>{CheckpointToken, Updates, ClientToken}</c> (the ARN travels in the path).</summary>
    public static string CheckpointBody(CheckpointRequest request, string clientToken)
    {
        var body = JsonNode.Parse(DurableWireFormat.SerializeCheckpointRequest(request))!.AsObject();
        body.Remove("DurableExecutionArn");
        body["ClientToken"] = clientToken;
        return Write(body);
    }

    /// <exception cref="FormatException">The answer is not a checkpoint response.</exception>
    public static CheckpointResponse ReadCheckpointResponse(string json) =>
        Read(json, DurableWireFormat.ParseCheckpointResponse);

    /// <exception cref="FormatException">The answer is not a state page.</exception>
    public static ExecutionStatePage ReadStatePage(string json) =>
        Read(json, DurableWireFormat.ParseExecutionStatePage);

    private static T Read<T>(string json, Func<string, T> parse)
    {
        try
        {
            var node = JsonNode.Parse(json) ?? throw new FormatException("the answer is the JSON literal null, not an object.");
            ConvertTimestamps(node);
            return parse(Write(node));
        }
        catch (JsonException exception)
        {
            throw new FormatException($"the answer is not the API's JSON: {exception.Message}", exception);
        }
    }

    // Results travel as JSON text inside strings: the default encoder would write each of their quotes as
    // \u0022, six bytes instead of two, against the service's payload limits. The wire format's own writer
    // escapes the same way.
    private static string Write(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Rewrites every timestamp member, in epoch seconds (or ISO 8601), as epoch milliseconds.</summary>
    private static void ConvertTimestamps(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                List<(string Name, long Milliseconds)>? converted = null;
                foreach (var (name, value) in obj)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (s_timestampMembers.Contains(name) && value is JsonValue timestamp)
                    {
                        (converted ??= []).Add((name, ToEpochMilliseconds(name, timestamp)));
                    }
                    else
                    {
                        ConvertTimestamps(value);
                    }
                }

                foreach (var (name, milliseconds) in converted ?? [])
                {
                    obj[name] = milliseconds;
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        ConvertTimestamps(item);
                    }
                }

                break;
        }
    }

    private static long ToEpochMilliseconds(string name, JsonValue value)
    {
        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var seconds))
        {
            return (long)decimal.Round(seconds * 1000m, MidpointRounding.AwayFromZero);
        }

        if (value.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUnixTimeMilliseconds();
        }

        throw new FormatException($"{name} is {value.ToJsonString()}: the API sends timestamps as epoch seconds (a number, possibly fractional).");
    }
}
