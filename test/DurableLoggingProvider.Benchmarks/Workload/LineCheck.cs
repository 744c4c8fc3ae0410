using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>
/// The sanity checks each benchmark's setup runs before anything is measured: a line written through the
/// same configuration must carry the rendered message and every durable field, or the rows would compare
/// unequal work. A failed check throws (see <see cref="SanityChecks"/>), failing the benchmark and the run.
/// </summary>
internal static class LineCheck
{
    /// <summary>Requires <paramref name="line"/> to be one JSON object holding the message and the durable fields, at any depth.</summary>
    /// <param name="line">The line, without its newline.</param>
    /// <param name="writer">Who wrote it, for the failure's message.</param>
    public static void RequireJson(string line, string writer)
    {
        var found = new List<KeyValuePair<string, string>>();
        try
        {
            using var document = JsonDocument.Parse(line);
            Collect(document.RootElement, found);
        }
        catch (JsonException exception)
        {
            throw SanityChecks.Failed($"{writer} wrote a line that is not JSON: {line}", exception);
        }

        if (!found.Any(pair => OrderCharge.IsRenderedIn(pair.Value)))
        {
            throw SanityChecks.Failed($"{writer} wrote a line without the rendered message: {line}");
        }

        foreach (var field in Expected())
        {
            if (!found.Contains(field))
            {
                throw SanityChecks.Failed($"{writer} wrote a line without the durable field {field.Key} = {field.Value}: {line}");
            }
        }
    }

    /// <summary>
    /// Requires <paramref name="line"/> to be a Text line holding the message and each durable field, as
    /// <c>name=value</c> or, for the request id, as one of the tab-separated columns.
    /// </summary>
    /// <param name="line">The line, without its newline.</param>
    /// <param name="writer">Who wrote it, for the failure's message.</param>
    public static void RequireText(string line, string writer)
    {
        var columns = line.Split('\t');
        if (!columns.Any(OrderCharge.IsRenderedIn))
        {
            throw SanityChecks.Failed($"{writer} wrote a line without the rendered message: {line}");
        }

        foreach (var field in Expected())
        {
            var asColumn = field.Key == "requestId" && columns.Contains(field.Value);
            if (!asColumn && !line.Contains($"{field.Key}={field.Value}", StringComparison.Ordinal))
            {
                throw SanityChecks.Failed($"{writer} wrote a line without the durable field {field.Key}={field.Value}: {line}");
            }
        }
    }

    /// <summary>Requires that nothing was written: the call was filtered out or suppressed.</summary>
    /// <param name="lines">What was written.</param>
    /// <param name="why">Why nothing should be, for the failure's message.</param>
    public static void RequireNothing(IReadOnlyList<string> lines, string why)
    {
        if (lines.Count > 0)
        {
            throw SanityChecks.Failed($"Expected no line ({why}), but got: {string.Join(Environment.NewLine, lines)}");
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Expected() =>
        WorkloadFields.Scope.Select(field => new KeyValuePair<string, string>(field.Key, Convert.ToString(field.Value, CultureInfo.InvariantCulture)!));

    private static void Collect(JsonElement element, List<KeyValuePair<string, string>> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    {
                        found.Add(new(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()));
                    }

                    Collect(property.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found);
                }

                break;
        }
    }
}
