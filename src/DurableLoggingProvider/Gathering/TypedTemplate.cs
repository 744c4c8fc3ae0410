using System;
using System.Collections;
using System.Globalization;
using System.Text;

namespace DurableLoggingProvider;

/// <summary>
/// The template of a <see cref="DurableLogMessage"/>, parsed when the message is defined: its placeholders'
/// names, and its composite format, by which other providers get the message exactly as MEL's formatter
/// renders it (invariant culture, <c>(null)</c> for null, a sequence's items joined by <c>", "</c>, each by its own
/// <c>ToString()</c> in the current culture).
/// </summary>
internal sealed class TypedTemplate
{
    private const string NullValue = "(null)";

    private readonly CompositeFormat _composite;

    private TypedTemplate(string text, string[] names, CompositeFormat composite)
    {
        Text = text;
        Names = names;
        _composite = composite;
    }

    public string Text { get; }

    public string[] Names { get; }

    /// <summary>Parses <paramref name="template"/>, which must have exactly <paramref name="valueCount"/> placeholders.</summary>
    /// <exception cref="ArgumentException">The template is not one MEL could render, or has another number of placeholders.</exception>
    public static TypedTemplate Parse(string template, int valueCount)
    {
        ArgumentNullException.ThrowIfNull(template);
        var shape = TemplateShape.Parse(template);
        if (!shape.CanRender)
        {
            throw new ArgumentException(
                $"The message template \"{template}\" cannot be rendered: a lone '{{' or '}}' must be doubled, and a placeholder is {{Name}}, {{Name,alignment}} or {{Name:format}}.",
                nameof(template));
        }

        if (shape.Names.Count != valueCount)
        {
            throw new ArgumentException(
                $"The message template \"{template}\" has {shape.Names.Count} placeholder(s), but the message is defined with {valueCount} value(s): give one placeholder per value.",
                nameof(template));
        }

        return new TypedTemplate(template, [.. shape.Names], System.Text.CompositeFormat.Parse(shape.CompositeFormat()));
    }

    public string Format<T0>(T0 value0) => string.Format(CultureInfo.InvariantCulture, _composite, Argument(value0));

    public string Format<T0, T1>(T0 value0, T1 value1) =>
        string.Format(CultureInfo.InvariantCulture, _composite, Argument(value0), Argument(value1));

    public string Format<T0, T1, T2>(T0 value0, T1 value1, T2 value2) =>
        string.Format(CultureInfo.InvariantCulture, _composite, Argument(value0), Argument(value1), Argument(value2));

    private static object Argument<T>(T value)
    {
        if (value is null)
        {
            return NullValue;
        }

        if (value is not string && value is IEnumerable sequence)
        {
            // As MEL joins a sequence: ", " before every item but the first (an empty first item too), each
            // item by its own ToString(), in the current culture.
            var text = new StringBuilder();
            var first = true;
            foreach (var item in sequence)
            {
                if (!first)
                {
                    text.Append(", ");
                }

                text.Append(item?.ToString() ?? NullValue);
                first = false;
            }

            return text.ToString();
        }

        return value;
    }
}
