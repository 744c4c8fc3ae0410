using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Reads an operation's timestamp as the service sends it, integer milliseconds since the Unix epoch,
/// or as AWS's local test runner sends it, an ISO 8601 date and time with its offset
/// (<c>"2026-01-01T00:00:00.000Z"</c>); writes milliseconds. Anything else (a fraction, a number out
/// of range, a string without an offset, another string, an object) is a <see cref="JsonException"/>
/// saying what a timestamp may be, which the reader turns into a
/// <see cref="DurableExecutionInputException"/> naming the field (durable-wire-format.md, section 1).
/// </summary>
internal sealed class EpochMillisecondsConverter : JsonConverter<long?>
{
    /// <summary>The earliest timestamp a <see cref="DateTimeOffset"/> holds: 0001-01-01T00:00:00Z.</summary>
    internal static readonly long MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();

    /// <summary>The latest timestamp a <see cref="DateTimeOffset"/> holds: 9999-12-31T23:59:59.999Z.</summary>
    internal static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    // Declared after the range, which it quotes: static fields are set in the order they are written.
    /// <summary>What a timestamp may be, for messages.</summary>
    internal static readonly string Expected = string.Create(
        CultureInfo.InvariantCulture,
        $"a timestamp: integer milliseconds since the Unix epoch (from {MinMilliseconds} to {MaxMilliseconds}), or an ISO 8601 date and time with its offset such as \"2026-01-01T00:00:00.000Z\"");

    /// <summary>Whether <paramref name="milliseconds"/> is a time <see cref="DateTimeOffset"/> can hold, so that converting it never throws.</summary>
    public static bool IsInRange(long milliseconds) => milliseconds >= MinMilliseconds && milliseconds <= MaxMilliseconds;

    /// <inheritdoc/>
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var milliseconds) && IsInRange(milliseconds):
                return milliseconds;
            case JsonTokenType.String when TryReadIso8601(ref reader, out var milliseconds):
                return milliseconds;
            default:
                throw new JsonException($"expected {Expected}, found {FoundJsonValue.Of(ref reader)}.");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } milliseconds)
        {
            writer.WriteNumberValue(milliseconds);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static bool TryReadIso8601(ref Utf8JsonReader reader, out long milliseconds)
    {
        milliseconds = 0;

        // The reader parses the ISO 8601-1:2019 extended profile. A time without its offset would be read
        // as this machine's local time: refused, since the service's clock is not this machine's.
        if (!reader.TryGetDateTime(out var local) || local.Kind == DateTimeKind.Unspecified
            || !reader.TryGetDateTimeOffset(out var time))
        {
            return false;
        }

        milliseconds = time.ToUnixTimeMilliseconds();
        return true;
    }
}
