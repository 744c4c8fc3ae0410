using System;
using System.Text.Json.Nodes;

namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>
/// One checkpoint call of a refusal script: its updates as the wire spells them, which token it sends, AWS's
/// outcome as read from its validators, and, where the in-memory service keeps the real API's behaviour
/// instead, its own outcome and why.
/// </summary>
internal sealed record CorpusRequest(JsonArray Updates, CorpusToken Token, bool AwsAccepts, bool OursAccepts, string? Deviation)
{
    /// <summary>The updates' JSON, with <c>$execution</c> replaced by the execution's id and <c>$repeat:N</c> by N 'x's.</summary>
    public string UpdatesJson(string executionId) => Substitute(Updates, executionId)!.ToJsonString();

    private static JsonNode? Substitute(JsonNode? node, string executionId)
    {
        switch (node)
        {
            case JsonArray array:
                var copy = new JsonArray();
                foreach (var item in array)
                {
                    copy.Add(Substitute(item, executionId));
                }

                return copy;
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    result[key] = Substitute(value, executionId);
                }

                return result;
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (text == "$execution")
                {
                    return JsonValue.Create(executionId);
                }

                return text.StartsWith("$repeat:", StringComparison.Ordinal)
                    ? JsonValue.Create(new string('x', int.Parse(text["$repeat:".Length..], System.Globalization.CultureInfo.InvariantCulture)))
                    : JsonValue.Create(text);
            default:
                return node?.DeepClone();
        }
    }
}
