using System;
using System.Collections;
using System.Globalization;
using System.Text;

namespace DurableLoggingProvider;

/// <summary>
/// Turns values into text the way every line does: invariant culture, and never an exception: a
/// value whose <c>ToString</c> throws is written as a marker that names the failure.
/// </summary>
internal static class ValueText
{
    /// <summary>The value as invariant text; <see langword="null"/> for a null value.</summary>
    public static string? Of(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                string text => text,
                bool flag => flag ? "true" : "false",
                DateTime { Kind: DateTimeKind.Unspecified } time => UnknownOffset(time),
                DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
                DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
                TimeOnly time => time.ToString("O", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                IEnumerable sequence => Join(sequence),
                Exception exception => ExceptionText.Full(exception),
                _ => value.ToString(),
            };
        }
        catch (Exception exception)
        {
            return Failed(value, exception);
        }
    }

    /// <summary>
    /// A date and time of unspecified kind in RFC 3339's notation for an unknown offset (<c>-00:00</c>):
    /// it carries no offset, and assuming UTC or local time would state something it does not know.
    /// </summary>
    public static string UnknownOffset(DateTime time) => time.ToString("O", CultureInfo.InvariantCulture) + "-00:00";

    /// <summary>The marker written in place of a value whose text could not be had.</summary>
    public static string Failed(object? value, Exception exception) =>
        $"[{value?.GetType().Name ?? "value"}.ToString() failed: {exception.GetType().Name}: {SafeMessage(exception)}]";

    /// <summary>An exception's message, or its type name when reading the message throws too.</summary>
    public static string SafeMessage(Exception exception)
    {
        try
        {
            return exception.Message;
        }
        catch (Exception)
        {
            return exception.GetType().FullName ?? "exception";
        }
    }

    private static string Join(IEnumerable sequence)
    {
        const int MaxItems = 256;

        // No record holds more: 256 huge items must not build a string of gigabytes only to be cut.
        const int MaxLength = DurableLoggerOptions.MaxMaxRecordBytes;
        var text = new StringBuilder("[");
        var count = 0;
        foreach (var item in sequence)
        {
            if (count > 0)
            {
                text.Append(", ");
            }

            if (++count > MaxItems || text.Length > MaxLength)
            {
                text.Append('…');
                break;
            }

            text.Append(item is IEnumerable and not string ? item.GetType().Name : Of(item) ?? "null");
        }

        return text.Append(']').ToString();
    }
}
