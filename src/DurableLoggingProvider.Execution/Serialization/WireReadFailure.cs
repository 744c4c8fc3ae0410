using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Turns the <see cref="JsonException"/> of a failed read into a <see cref="DurableExecutionInputException"/>
/// that names the field and says what was expected there and what was found. The expectation comes
/// from the source-generated metadata of the wire model, so it cannot drift from the model.
/// </summary>
internal static class WireReadFailure
{
    /// <summary>Explains why <paramref name="utf8Json"/> could not be read as <paramref name="rootType"/>.</summary>
    public static DurableExecutionInputException Explain(ReadOnlySpan<byte> utf8Json, JsonException exception, JsonTypeInfo rootType)
    {
        var path = WireJsonPath.FromSerializerPath(exception.Path);
        if (FindSyntaxError(utf8Json) is { } syntaxError)
        {
            // The reader's own position and message are the precise ones; the serializer's path says
            // in which field the text broke off.
            var line = (syntaxError.LineNumber ?? 0) + 1;
            var bytePosition = (syntaxError.BytePositionInLine ?? 0) + 1;
            return new DurableExecutionInputException(
                path,
                string.Create(CultureInfo.InvariantCulture, $"the JSON is malformed or truncated at line {line}, byte {bytePosition}: {WithoutPosition(syntaxError.Message)}"),
                exception);
        }

        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!TryFind(document.RootElement, rootType, path, out var element, out var typeInfo, out var property))
        {
            return new DurableExecutionInputException(path, WithoutPosition(exception.Message), exception);
        }

        if (property?.CustomConverter is EpochMillisecondsConverter)
        {
            // The converter's message says what a timestamp may be: milliseconds or an ISO 8601 string.
            return new DurableExecutionInputException(path, WithoutPosition(exception.Message), exception);
        }

        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (type.IsEnum)
        {
            // Only WireEnumConverter reads enums, and its message already lists the allowed strings.
            return new DurableExecutionInputException(path, exception.Message, exception);
        }

        if (typeInfo.Kind == JsonTypeInfoKind.Object && element.ValueKind == JsonValueKind.Object
            && typeInfo.Properties.FirstOrDefault(p => p.IsRequired && !element.TryGetProperty(p.Name, out _)) is { } missing)
        {
            var required = string.Join(", ", typeInfo.Properties.Where(p => p.IsRequired).Select(p => p.Name));
            return new DurableExecutionInputException(
                WireJsonPath.Property(path, missing.Name),
                $"required but missing ({typeInfo.Type.Name} requires {required}; names are case-sensitive).",
                exception);
        }

        return new DurableExecutionInputException(path, $"expected {Expected(typeInfo)}, found {FoundJsonValue.Of(element)}.", exception);
    }

    private static JsonException? FindSyntaxError(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException exception)
        {
            return exception;
        }
    }

    private static bool TryFind(
        JsonElement root, JsonTypeInfo rootType, string path, out JsonElement element, out JsonTypeInfo typeInfo, out JsonPropertyInfo? lastProperty)
    {
        element = root;
        typeInfo = rootType;
        lastProperty = null;
        if (!WireJsonPath.TrySplit(path, out var segments))
        {
            return false;
        }

        foreach (var segment in segments)
        {
            Type next;
            if (segment.PropertyName is { } name)
            {
                var property = typeInfo.Properties.FirstOrDefault(p => p.Name == name);
                if (property is null || element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return false;
                }

                next = property.PropertyType;
                lastProperty = property;
            }
            else
            {
                if (typeInfo.Kind != JsonTypeInfoKind.Enumerable || element.ValueKind != JsonValueKind.Array
                    || segment.Index >= element.GetArrayLength() || !typeInfo.Type.IsGenericType)
                {
                    return false;
                }

                element = element[segment.Index];
                lastProperty = null;

                // Every collection of the wire model is a List<T>.
                next = typeInfo.Type.GetGenericArguments()[0];
            }

            if (!rootType.Options.TryGetTypeInfo(next, out var nextInfo))
            {
                return false;
            }

            typeInfo = nextInfo;
        }

        return true;
    }

    private static string Expected(JsonTypeInfo typeInfo)
    {
        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(int))
        {
            return string.Create(CultureInfo.InvariantCulture, $"an integer from {int.MinValue} to {int.MaxValue}");
        }

        if (type == typeof(long))
        {
            return string.Create(CultureInfo.InvariantCulture, $"an integer from {long.MinValue} to {long.MaxValue}");
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        return typeInfo.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object => "an object",
            _ => type.Name,
        };
    }

    // The serializer and the reader append " Path: $.x | LineNumber: 0 | BytePositionInLine: 5." to
    // their messages; the new message says where in its own words.
    private static string WithoutPosition(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var index = message.IndexOf(marker, StringComparison.Ordinal);
            if (index >= 0)
            {
                message = message[..index];
            }
        }

        return message;
    }
}
