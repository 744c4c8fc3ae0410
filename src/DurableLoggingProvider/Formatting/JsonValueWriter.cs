using System;
using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// Writes a template or scope value keeping its JSON type: numbers as numbers, booleans as booleans,
/// dates as RFC 3339 strings, sequences as arrays (one level deep), anything else as its text.
/// </summary>
internal static class JsonValueWriter
{
    public static void Write(Utf8JsonWriter writer, object? value, RecordLimits limits, RenderBuffer buffer, bool nested = false)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(limits.Cut(text, buffer));
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case short number:
                writer.WriteNumberValue(number);
                break;
            case byte number:
                writer.WriteNumberValue(number);
                break;
            case sbyte number:
                writer.WriteNumberValue(number);
                break;
            case uint number:
                writer.WriteNumberValue(number);
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case ushort number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case DateTime { Kind: DateTimeKind.Unspecified } time:
                writer.WriteStringValue(ValueText.UnknownOffset(time));
                break;
            case DateTime time:
                writer.WriteStringValue(time);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time);
                break;
            case Guid id:
                writer.WriteStringValue(id);
                break;
            case DateOnly or TimeOnly:
                // "O" gives RFC 3339's full-date and partial-time; the default is the culture's short form.
                WriteFormattable(writer, value, (ISpanFormattable)value, "O", limits, buffer);
                break;
            case Enum:
                WriteText(writer, value, limits, buffer);
                break;
            case ISpanFormattable formattable:
                WriteFormattable(writer, value, formattable, default, limits, buffer);
                break;
            case IEnumerable sequence when !nested:
                WriteSequence(writer, sequence, limits, buffer);
                break;
            default:
                WriteText(writer, value, limits, buffer);
                break;
        }
    }

    private static void WriteFormattable(Utf8JsonWriter writer, object value, ISpanFormattable formattable, ReadOnlySpan<char> format, RecordLimits limits, RenderBuffer buffer)
    {
        Span<char> text = stackalloc char[128];
        bool formatted;
        int length;
        try
        {
            formatted = formattable.TryFormat(text, out length, format, CultureInfo.InvariantCulture);
        }
        catch (Exception)
        {
            formatted = false;
            length = 0;
        }

        if (formatted)
        {
            writer.WriteStringValue(limits.Cut(text[..length], buffer));
        }
        else
        {
            WriteText(writer, value, limits, buffer);
        }
    }

    private static void WriteSequence(Utf8JsonWriter writer, IEnumerable sequence, RecordLimits limits, RenderBuffer buffer)
    {
        writer.WriteStartArray();
        var count = 0;
        try
        {
            foreach (var item in sequence)
            {
                if (++count > limits.MaxItems || limits.IsSpent(writer.BytesCommitted + writer.BytesPending))
                {
                    writer.WriteStringValue("…");
                    break;
                }

                Write(writer, item, limits, buffer, nested: true);
            }
        }
        catch (Exception exception)
        {
            writer.WriteStringValue(ValueText.Failed(sequence, exception));
        }

        writer.WriteEndArray();
    }

    private static void WriteText(Utf8JsonWriter writer, object value, RecordLimits limits, RenderBuffer buffer)
    {
        var text = ValueText.Of(value);
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(limits.Cut(text, buffer));
        }
    }
}
