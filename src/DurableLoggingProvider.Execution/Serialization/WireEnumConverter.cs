using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Reads and writes an enum as the durable service's upper snake case strings: <c>TimedOut</c> is
/// <c>"TIMED_OUT"</c>, <c>ChainedInvoke</c> is <c>"CHAINED_INVOKE"</c>. Reading is case-sensitive, as
/// the service is; anything but one of the strings is a <see cref="JsonException"/> naming the value
/// and the allowed strings.
/// </summary>
/// <typeparam name="TEnum">The wire enum.</typeparam>
internal sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    // Enum.GetValues<T> and GetNames<T> return the members in the same order, and are the only
    // reflection a trimmed or native AOT app may rely on here.
    private static readonly TEnum[] s_values = Enum.GetValues<TEnum>();
    private static readonly string[] s_wireNames = Array.ConvertAll(Enum.GetNames<TEnum>(), ToUpperSnakeCase);
    private static readonly byte[][] s_utf8WireNames = Array.ConvertAll(s_wireNames, Encoding.UTF8.GetBytes);
    private static readonly JsonEncodedText[] s_encodedWireNames = Array.ConvertAll(s_wireNames, name => JsonEncodedText.Encode(name));

    /// <summary>The allowed strings, comma separated, for messages.</summary>
    internal static string AllowedWireNames { get; } = string.Join(", ", s_wireNames);

    /// <summary>The wire string of <paramref name="value"/>, or its number when it is not a defined member.</summary>
    internal static string WireName(TEnum value)
    {
        var index = IndexOf(value);
        return index < 0 ? value.ToString() : s_wireNames[index];
    }

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // Compared as UTF-8 so that the common case allocates nothing.
            for (var i = 0; i < s_utf8WireNames.Length; i++)
            {
                if (reader.ValueTextEquals(s_utf8WireNames[i]))
                {
                    return s_values[i];
                }
            }
        }

        throw new JsonException(
            $"expected one of {AllowedWireNames} ({typeof(TEnum).Name} strings are case-sensitive), found {FoundJsonValue.Of(ref reader)}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        var index = IndexOf(value);
        if (index < 0)
        {
            throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}: it has no wire string.");
        }

        writer.WriteStringValue(s_encodedWireNames[index]);
    }

    private static int IndexOf(TEnum value)
    {
        for (var i = 0; i < s_values.Length; i++)
        {
            if (EqualityComparer<TEnum>.Default.Equals(s_values[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    private static string ToUpperSnakeCase(string memberName)
    {
        var builder = new StringBuilder(memberName.Length + 4);
        for (var i = 0; i < memberName.Length; i++)
        {
            var c = memberName[i];
            if (i > 0 && char.IsUpper(c))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
