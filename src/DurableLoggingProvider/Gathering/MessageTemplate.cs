using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DurableLoggingProvider;

/// <summary>
/// Renders a message template as <c>Microsoft.Extensions.Logging</c> does (<c>{Name}</c>,
/// <c>{Name,alignment:format}</c>, <c>{{</c> and <c>}}</c>, invariant culture, <c>(null)</c> for null, a
/// sequence as its items joined by <c>", "</c>), from the values gathered for the record. Used when a
/// value is masked: the caller's own rendering holds the value and is not written.
/// </summary>
internal static class MessageTemplate
{
    private const string NullValue = "(null)";
    private const int MaxSequenceItems = 1024;

    /// <summary>
    /// The template with each placeholder replaced by the value of that name (the n-th placeholder of a
    /// name takes the n-th value of that name). The template itself, which holds no value, when a
    /// placeholder has no value or the template is not a valid one.
    /// </summary>
    public static string Render(string template, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        try
        {
            var byName = new Dictionary<string, Queue<object?>>(StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                if (!byName.TryGetValue(key, out var queue))
                {
                    byName[key] = queue = new Queue<object?>();
                }

                queue.Enqueue(value);
            }

            var composite = new StringBuilder(template.Length);
            var arguments = new List<object>();
            var scan = 0;
            while (scan < template.Length)
            {
                var open = FindBrace(template, '{', scan);
                var close = open == template.Length ? open : FindBrace(template, '}', open);
                if (close == template.Length)
                {
                    composite.Append(template, scan, template.Length - scan);
                    break;
                }

                var delimiter = template.AsSpan(open, close - open).IndexOfAny(',', ':');
                var nameEnd = delimiter < 0 ? close : open + delimiter;
                if (!byName.TryGetValue(template.Substring(open + 1, nameEnd - open - 1), out var queue) || !queue.TryDequeue(out var value))
                {
                    return template;
                }

                composite.Append(template, scan, open - scan + 1)
                    .Append(arguments.Count.ToString(CultureInfo.InvariantCulture))
                    .Append(template, nameEnd, close - nameEnd + 1);
                arguments.Add(Argument(value));
                scan = close + 1;
            }

            return string.Format(CultureInfo.InvariantCulture, composite.ToString(), arguments.ToArray());
        }
        catch (Exception)
        {
            // A template Microsoft.Extensions.Logging could not render either, or a value whose text throws.
            return template;
        }
    }

    private static object Argument(object? value) => value switch
    {
        null => NullValue,
        string text => text,
        IEnumerable sequence => Join(sequence),
        _ => value,
    };

    private static string Join(IEnumerable sequence)
    {
        var text = new StringBuilder();
        var count = 0;
        foreach (var item in sequence)
        {
            if (count > 0)
            {
                text.Append(", ");
            }

            if (++count > MaxSequenceItems)
            {
                text.Append('…');
                break;
            }

            text.Append(item?.ToString() ?? NullValue);
        }

        return text.ToString();
    }

    /// <summary>
    /// The index of the brace that opens (the last of a run of <c>{</c>) or closes (the first of a run of
    /// <c>}</c>) a placeholder from <paramref name="start"/>, skipping escaped pairs; the template's length
    /// when there is none. The same scan as <c>Microsoft.Extensions.Logging</c>'s, so both find the same placeholders.
    /// </summary>
    internal static int FindBrace(string template, char brace, int start)
    {
        var found = template.Length;
        var run = 0;
        for (var scan = start; scan < template.Length; scan++)
        {
            if (run > 0 && template[scan] != brace)
            {
                if (run % 2 == 0)
                {
                    run = 0;
                    found = template.Length;
                }
                else
                {
                    break;
                }
            }
            else if (template[scan] == brace)
            {
                if (brace == '}')
                {
                    if (run == 0)
                    {
                        found = scan;
                    }
                }
                else
                {
                    found = scan;
                }

                run++;
            }
        }

        return found;
    }
}
