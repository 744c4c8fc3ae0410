using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// Reads a JSON line strictly. <see cref="JsonDocument"/> accepts an object with a repeated key, so every
/// object's property names are counted as well.
/// </summary>
internal static class JsonLine
{
    /// <summary>Parses a line that must be one JSON object in which no object repeats a key.</summary>
    public static JsonElement Parse(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            Assert.Fail($"The line is not valid JSON ({exception.Message}): {line}");
            throw;
        }

        Assert.That(root.ValueKind, Is.EqualTo(JsonValueKind.Object), "the line is one JSON object");
        Assert.That(RepeatedKeys(root), Is.Empty, $"no object repeats a key: {line}");
        return root;
    }

    /// <summary>The object's property names in the order they were written, repeats included.</summary>
    public static IReadOnlyList<string> Keys(JsonElement record) => record.EnumerateObject().Select(property => property.Name).ToArray();

    /// <summary>Every key that appears more than once in one object, at any depth.</summary>
    public static IReadOnlyList<string> RepeatedKeys(JsonElement element)
    {
        var repeated = new List<string>();
        Collect(element, repeated);
        return repeated;
    }

    /// <summary>A string property, failing the test if it is missing or not a string.</summary>
    public static string? String(JsonElement record, string key)
    {
        Assert.That(record.TryGetProperty(key, out var value), Is.True, $"the record has a '{key}' key");
        Assert.That(value.ValueKind, Is.EqualTo(JsonValueKind.String).Or.EqualTo(JsonValueKind.Null), $"'{key}' is a string");
        return value.GetString();
    }

    /// <summary>The elements of an array property as strings.</summary>
    public static IReadOnlyList<string?> StringArray(JsonElement record, string key)
    {
        Assert.That(record.TryGetProperty(key, out var value), Is.True, $"the record has a '{key}' key");
        Assert.That(value.ValueKind, Is.EqualTo(JsonValueKind.Array), $"'{key}' is an array");
        return value.EnumerateArray().Select(item => item.GetString()).ToArray();
    }

    private static void Collect(JsonElement element, List<string> repeated)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!seen.Add(property.Name))
                    {
                        repeated.Add(property.Name);
                    }

                    Collect(property.Value, repeated);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, repeated);
                }

                break;
        }
    }
}
