using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Says what a malformed input holds where a value was expected (<c>"DONE"</c>, <c>the number 42</c>,
/// <c>an array</c>), short and safe to put in an exception message: long strings are cut, control
/// characters escaped.
/// </summary>
internal static class FoundJsonValue
{
    // A message names the offending value; a 6 MB payload pasted into it helps no one.
    private const int MaxQuotedLength = 80;

    // Invalid UTF-8 or an escaped lone surrogate cannot be decoded, and is then itself the problem.
    private const string UndecodableString = "a string that is not valid Unicode text";

    /// <summary>Describes the value at the reader's current token.</summary>
    public static string Of(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => StringOf(ref reader),
        JsonTokenType.Number => "the number " + Cut(Encoding.UTF8.GetString(RawValue(ref reader))),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>Describes a value of a parsed document.</summary>
    public static string Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => StringOf(element),
        JsonValueKind.Number => "the number " + Cut(element.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    /// <summary>A string as a JSON string literal, cut to a readable length; <c>null</c> for null.</summary>
    public static string Quoted(string? value) =>
        value is null ? "null" : "\"" + JsonEncodedText.Encode(Cut(value), JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    private static string Cut(string value)
    {
        if (value.Length <= MaxQuotedLength)
        {
            return value;
        }

        var length = MaxQuotedLength;
        if (char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        return string.Concat(value.AsSpan(0, length), "...");
    }

    private static string StringOf(ref Utf8JsonReader reader)
    {
        try
        {
            return Quoted(reader.GetString());
        }
        catch (InvalidOperationException)
        {
            return UndecodableString;
        }
    }

    private static string StringOf(JsonElement element)
    {
        try
        {
            return Quoted(element.GetString());
        }
        catch (InvalidOperationException)
        {
            return UndecodableString;
        }
    }

    private static ReadOnlySpan<byte> RawValue(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
}
