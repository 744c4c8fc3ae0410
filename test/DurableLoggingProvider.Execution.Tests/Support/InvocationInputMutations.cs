using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace DurableLoggingProvider.Execution.Tests.Support;

/// <summary>
/// Deterministic variants of a valid invocation input, most of them broken: truncated, fields
/// deleted, values of the wrong JSON type, unknown enum strings, flipped bytes, duplicate ids, huge
/// arrays, deep nesting. The same seed gives the same variants, so a failure reproduces.
/// </summary>
internal static class InvocationInputMutations
{
    private static readonly string[] s_enumStrings = ["DONE", "started", "", "TIMED OUT", "Step", "STARTED\u0000", "SUCCEEDED ", "\ud83d\ude00"];
    private static readonly byte[] s_flipBytes = "{}[]\",:\\x0 -"u8.ToArray().Concat(new byte[] { 0x00, 0xFF, 0xC3, 0x80, 0x0A }).ToArray();

    /// <summary>Every variant of <paramref name="validJson"/>, in a fixed order for a given seed.</summary>
    public static IEnumerable<InputMutation> Of(string validJson, int seed)
    {
        var random = new Random(seed);
        var bytes = Encoding.UTF8.GetBytes(validJson);
        var original = JsonNode.Parse(validJson)!;
        var locations = new List<JsonLocation>();
        Collect(original, [], locations);

        for (var length = 0; length < bytes.Length; length += 11)
        {
            yield return new InputMutation($"truncated to {length} bytes", bytes[..length]);
        }

        foreach (var location in locations)
        {
            yield return Mutate(original, location, "deleted", static (parent, step) => Remove(parent, step));
        }

        foreach (var location in locations)
        {
            for (var i = 0; i < 2; i++)
            {
                var replacement = WrongValue(random);
                yield return Mutate(original, location, $"replaced by {replacement?.ToJsonString() ?? "null"}", (parent, step) => Set(parent, step, replacement?.DeepClone()));
            }
        }

        foreach (var location in locations.Where(l => l.Last.Key is "Type" or "Status"))
        {
            var value = s_enumStrings[random.Next(s_enumStrings.Length)];
            yield return Mutate(original, location, $"enum string \"{value}\"", (parent, step) => Set(parent, step, JsonValue.Create(value)));
        }

        for (var i = 0; i < 80; i++)
        {
            var flipped = (byte[])bytes.Clone();
            var position = random.Next(flipped.Length);
            flipped[position] = s_flipBytes[random.Next(s_flipBytes.Length)];
            yield return new InputMutation($"byte {position} set to 0x{flipped[position]:X2}", flipped);
        }

        foreach (var location in locations.Where(l => l.Last.Key == "Id"))
        {
            yield return Mutate(original, location, "id of the execution operation", (parent, step) => Set(parent, step, JsonValue.Create("execution-order-42")));
            yield return Mutate(original, location, "id of 65 characters", (parent, step) => Set(parent, step, JsonValue.Create(new string('a', 65))));
            yield return Mutate(original, location, "escaped lone surrogate", (parent, step) => Set(parent, step, JsonValue.Create("\ud800")));
        }

        yield return Huge("10,000 distinct operations", 10_000, i => SampleInvocationInput.Step(i.ToString("x64", CultureInfo.InvariantCulture)));
        yield return Huge("10,000 operations, one id twice", 10_000, i => SampleInvocationInput.Step(i == 9_999 ? "0" : i.ToString(CultureInfo.InvariantCulture)));
        yield return Huge("10,000 operations of one id", 10_000, _ => SampleInvocationInput.Step("same"));
        yield return Huge("10,000 EXECUTION operations", 10_000, i => $$"""{"Id":"e{{i}}","Type":"EXECUTION","Status":"STARTED"}""");
        yield return Utf8(
            "10,000 updated operation ids",
            $$"""{"DurableExecutionArn":"{{SampleInvocationInput.Arn}}","InitialExecutionState":{"Operations":[{{SampleInvocationInput.ExecutionOperation}}]},"UpdatedOperationIds":[{{string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"{i}\""))}}]}""");
        yield return Utf8("1,000 nested arrays in an unknown field", validJson.Replace("\"CheckpointToken\"", "\"Deep\":" + new string('[', 1_000) + new string(']', 1_000) + ",\"CheckpointToken\"", StringComparison.Ordinal));
        yield return Utf8("an ARN of a million characters", validJson.Replace("order-42/", new string('x', 1_000_000) + "/", StringComparison.Ordinal));
    }

    /// <summary>
    /// One more variant of <paramref name="parent"/>, a JSON object, chosen by <paramref name="random"/>: cut
    /// short, a field deleted or given a value of the wrong type, an unknown enum string, a byte changed, an
    /// operation id copied onto another, or an array made hundreds long.
    /// </summary>
    public static InputMutation Once(InputMutation parent, Random random)
    {
        var bytes = parent.Utf8Json;
        var original = JsonNode.Parse(bytes)!;
        var locations = new List<JsonLocation>();
        Collect(original, [], locations);
        var location = locations.Count == 0 ? null : locations[random.Next(locations.Count)];
        InputMutation child;
        switch (location is null ? 0 : random.Next(7))
        {
            case 0:
                var length = random.Next(bytes.Length);
                child = new InputMutation($"truncated to {length} bytes", bytes[..length]);
                break;
            case 1:
                child = Mutate(original, location!, "deleted", static (parent, step) => Remove(parent, step));
                break;
            case 2:
                var replacement = WrongValue(random);
                child = Mutate(original, location!, $"replaced by {replacement?.ToJsonString() ?? "null"}", (parent, step) => Set(parent, step, replacement?.DeepClone()));
                break;
            case 3:
                var value = s_enumStrings[random.Next(s_enumStrings.Length)];
                var enums = locations.Where(l => l.Last.Key is "Type" or "Status" or "SubType").ToList();
                var enumLocation = enums.Count == 0 ? location! : enums[random.Next(enums.Count)];
                child = Mutate(original, enumLocation, $"enum string \"{value}\"", (parent, step) => Set(parent, step, JsonValue.Create(value)));
                break;
            case 4:
                var flipped = (byte[])bytes.Clone();
                var position = random.Next(flipped.Length);
                flipped[position] = s_flipBytes[random.Next(s_flipBytes.Length)];
                child = new InputMutation($"byte {position} set to 0x{flipped[position]:X2}", flipped);
                break;
            case 5:
                var ids = locations.Where(l => l.Last.Key == "Id").ToList();
                if (ids.Count < 2)
                {
                    goto case 2;
                }

                var (from, to) = (ids[random.Next(ids.Count)], ids[random.Next(ids.Count)]);
                var copied = Find(original, from)?.DeepClone();
                child = Mutate(original, to, $"id copied from {from}", (parent, step) => Set(parent, step, copied));
                break;
            default:
                var arrays = locations.Where(l => Find(original, l) is JsonArray { Count: > 0 }).ToList();
                if (arrays.Count == 0)
                {
                    goto case 1;
                }

                var array = arrays[random.Next(arrays.Count)];
                var copies = random.Next(100, 1_000);
                child = Mutate(original, array, $"made {copies} long", (parent, step) =>
                {
                    var items = Find(parent, new JsonLocation([step])) as JsonArray;
                    var first = items![0];
                    for (var i = 0; i < copies; i++)
                    {
                        items.Add(first?.DeepClone());
                    }
                });
                break;
        }

        return child with { Description = $"{parent.Description}, then {child.Description}" };
    }

    private static JsonNode? Find(JsonNode root, JsonLocation location) =>
        location.Steps.Aggregate<JsonStep, JsonNode?>(root, (node, step) => step.Key is { } key ? node?[key] : node?[step.Index]);

    private static InputMutation Mutate(JsonNode original, JsonLocation location, string what, Action<JsonNode, JsonStep> change)
    {
        var copy = original.DeepClone();
        var parent = location.Steps[..^1].Aggregate(copy, (node, step) => step.Key is { } key ? node[key]! : node[step.Index]!);
        change(parent, location.Last);
        return Utf8($"{location}: {what}", copy.ToJsonString());
    }

    private static InputMutation Huge(string description, int count, Func<int, string> operation) =>
        Utf8(description, SampleInvocationInput.WithOperations([SampleInvocationInput.ExecutionOperation, .. Enumerable.Range(0, count).Select(operation)]));

    private static InputMutation Utf8(string description, string json) => new(description, Encoding.UTF8.GetBytes(json));

    private static JsonNode? WrongValue(Random random) => random.Next(12) switch
    {
        0 => JsonValue.Create(42),
        1 => JsonValue.Create(-1),
        2 => JsonValue.Create(1.5),
        3 => JsonNode.Parse("1e400"),
        4 => JsonValue.Create(long.MaxValue),
        5 => JsonValue.Create("text"),
        6 => JsonValue.Create(string.Empty),
        7 => JsonValue.Create(true),
        8 => null,
        9 => new JsonObject(),
        10 => new JsonArray(),
        _ => new JsonArray(JsonValue.Create("x"), new JsonObject { ["a"] = 1 }),
    };

    private static void Set(JsonNode parent, JsonStep step, JsonNode? value)
    {
        if (step.Key is { } key)
        {
            parent[key] = value;
        }
        else
        {
            parent[step.Index] = value;
        }
    }

    private static void Remove(JsonNode parent, JsonStep step)
    {
        if (step.Key is { } key)
        {
            parent.AsObject().Remove(key);
        }
        else
        {
            parent.AsArray().RemoveAt(step.Index);
        }
    }

    private static void Collect(JsonNode? node, JsonStep[] prefix, List<JsonLocation> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    JsonStep[] steps = [.. prefix, new JsonStep(key, -1)];
                    into.Add(new JsonLocation(steps));
                    Collect(value, steps, into);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    JsonStep[] steps = [.. prefix, new JsonStep(null, i)];
                    into.Add(new JsonLocation(steps));
                    Collect(array[i], steps, into);
                }

                break;
        }
    }

    private readonly record struct JsonStep(string? Key, int Index)
    {
        public override string ToString() => Key ?? $"[{Index}]";
    }

    private sealed record JsonLocation(JsonStep[] Steps)
    {
        public JsonStep Last => Steps[^1];

        public override string ToString() => string.Join(".", Steps);
    }
}
