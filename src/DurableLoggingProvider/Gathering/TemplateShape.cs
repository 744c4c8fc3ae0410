using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// A message template parsed once, as <c>Microsoft.Extensions.Logging</c>'s own formatter parses it: its
/// literal text (escaped braces already undone) and its placeholders in order, each with its name,
/// alignment and format. The message of a record whose state is one of MEL's own template states is
/// rendered from these and the state's values (<see cref="MessageBuilder"/>) instead of by the caller's
/// formatter, which would allocate the message as a string. A template that MEL's composite formatting
/// would reject (a lone brace, a malformed alignment) is marked as not renderable here, and keeps the
/// caller's formatter and its outcome.
/// </summary>
internal sealed class TemplateShape
{
    /// <summary>The key under which MEL's template states carry their template.</summary>
    internal const string OriginalFormatKey = "{OriginalFormat}";

    /// <summary>The most templates remembered: templates built at run time must not grow the cache for ever.</summary>
    private const int MaxCached = 1024;

    private static readonly ConcurrentDictionary<string, TemplateShape> s_cache = new(ReferenceEqualityComparer.Instance);

#pragma warning disable IDE1006 // Thread-statics are named t_.
    // The last template this thread logged with: a call site that logs in a loop finds it without the cache.
    [ThreadStatic]
    private static TemplateShape? t_last;
#pragma warning restore IDE1006

    private readonly Segment[] _segments;
    private readonly string[] _names;
    private volatile OwnKeyFlags? _ownKeys;
    private JsonEncodedText[]? _encodedNames;

    private TemplateShape(string template, Segment[] segments, string[] names, bool canRender)
    {
        _segments = segments;
        _names = names;
        Template = template;
        CanRender = canRender;
    }

    /// <summary>The placeholders' names, in the order they appear (a name appears once per placeholder).</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The name of the placeholder at <paramref name="index"/>.</summary>
    public string NameAt(int index) => _names[index];

    /// <summary>How many placeholders the template has.</summary>
    public int NameCount => _names.Length;

    /// <summary>The template itself.</summary>
    public string Template { get; }

    /// <summary>Whether the template can be rendered here exactly as MEL would render it.</summary>
    public bool CanRender { get; }

    internal ReadOnlySpan<Segment> Segments => _segments;

    /// <summary>
    /// The template as composite formatting reads it, as MEL converts it: each placeholder replaced by its
    /// index, alignment and format; literal braces escaped. Only for a template that <see cref="CanRender"/>.
    /// </summary>
    internal string CompositeFormat()
    {
        var composite = new System.Text.StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment.Literal is { } literal)
            {
                composite.Append(literal.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
                continue;
            }

            composite.Append('{').Append(segment.Hole.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (segment.Alignment != 0)
            {
                composite.Append(',').Append(segment.Alignment.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (segment.Format is { } format)
            {
                composite.Append(':').Append(format);
            }

            composite.Append('}');
        }

        return composite.ToString();
    }

    /// <summary>The shape of <paramref name="template"/>, parsed at its first use and remembered by reference; <see langword="null"/> when the cache is full.</summary>
    public static TemplateShape? Of(string template)
    {
        if (t_last is { } last && ReferenceEquals(last.Template, template))
        {
            return last;
        }

        if (!s_cache.TryGetValue(template, out var shape))
        {
            if (s_cache.Count >= MaxCached)
            {
                return null;
            }

            shape = s_cache.GetOrAdd(template, Parse);
        }

        t_last = shape;
        return shape;
    }

    /// <summary>
    /// The placeholders' names as JSON property names, escaped as the record's JSON writer escapes them
    /// (<see cref="RenderBuffer.JsonEncoder"/>): encoded once per template, not once per record.
    /// </summary>
    public JsonEncodedText EncodedName(int index)
    {
        var encoded = _encodedNames;
        if (encoded is null)
        {
            encoded = new JsonEncodedText[_names.Length];
            for (var i = 0; i < _names.Length; i++)
            {
                encoded[i] = JsonEncodedText.Encode(_names[i], RenderBuffer.JsonEncoder);
            }

            _encodedNames = encoded;
        }

        return encoded[index];
    }

    /// <summary>
    /// Whether the placeholder at <paramref name="index"/> has a name that is one of the record's own keys
    /// under <paramref name="names"/>: worked out once per template and naming, not once per record.
    /// </summary>
    public bool IsOwnKey(int index, FieldNames names)
    {
        var flags = _ownKeys;
        if (flags is null || !ReferenceEquals(flags.Names, names))
        {
            var own = new bool[_names.Length];
            for (var i = 0; i < _names.Length; i++)
            {
                own[i] = names.IsOwnKey(_names[i]);
            }

            _ownKeys = flags = new OwnKeyFlags(names, own);
        }

        return flags.Flags[index];
    }

    /// <summary>Parses <paramref name="template"/> without remembering it.</summary>
    internal static TemplateShape Parse(string template)
    {
        var segments = new List<Segment>();
        var names = new List<string>();
        var canRender = true;
        var scan = 0;
        while (scan < template.Length)
        {
            var open = MessageTemplate.FindBrace(template, '{', scan);
            var close = open == template.Length ? open : MessageTemplate.FindBrace(template, '}', open);
            if (close == template.Length)
            {
                canRender &= AddLiteral(segments, template.AsSpan(scan));
                break;
            }

            // The literal text before the placeholder keeps its opening brace's escaped pairs: "{{{Name}" is "{" and a placeholder.
            canRender &= AddLiteral(segments, template.AsSpan(scan, open - scan));
            var delimiter = template.AsSpan(open, close - open).IndexOfAny(',', ':');
            var nameEnd = delimiter < 0 ? close : open + delimiter;
            names.Add(template.Substring(open + 1, nameEnd - open - 1));
            if (TryParseItem(template.AsSpan(nameEnd, close - nameEnd), out var alignment, out var format))
            {
                segments.Add(new Segment(null, names.Count - 1, alignment, format));
            }
            else
            {
                canRender = false;
            }

            scan = close + 1;
        }

        return new TemplateShape(template, [.. segments], [.. names], canRender);
    }

    /// <summary>Adds literal text as composite formatting reads it: <c>{{</c> and <c>}}</c> are braces, a lone brace is an error.</summary>
    private static bool AddLiteral(List<Segment> segments, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.IndexOfAny('{', '}') < 0)
        {
            segments.Add(new Segment(text.ToString(), -1, 0, null));
            return true;
        }

        var literal = new char[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '{' or '}')
            {
                if (i + 1 >= text.Length || text[i + 1] != text[i])
                {
                    return false;
                }

                i++;
            }

            literal[length++] = text[i];
        }

        segments.Add(new Segment(new string(literal, 0, length), -1, 0, null));
        return true;
    }

    /// <summary>Reads <c>[,alignment][:format]</c> as composite formatting does, strictly: anything it would reject is refused.</summary>
    private static bool TryParseItem(ReadOnlySpan<char> item, out int alignment, out string? format)
    {
        alignment = 0;
        format = null;
        var at = 0;
        if (at < item.Length && item[at] == ',')
        {
            at++;
            while (at < item.Length && item[at] == ' ')
            {
                at++;
            }

            var negative = at < item.Length && item[at] == '-';
            if (negative)
            {
                at++;
            }

            var digits = 0;
            while (at < item.Length && char.IsAsciiDigit(item[at]) && digits < 6)
            {
                alignment = (alignment * 10) + (item[at] - '0');
                at++;
                digits++;
            }

            if (digits == 0 || (at < item.Length && char.IsAsciiDigit(item[at])))
            {
                return false;
            }

            alignment = negative ? -alignment : alignment;
            while (at < item.Length && item[at] == ' ')
            {
                at++;
            }
        }

        if (at < item.Length && item[at] == ':')
        {
            var text = item[(at + 1)..];
            if (text.IndexOfAny('{', '}') >= 0)
            {
                return false;
            }

            format = text.IsEmpty ? null : text.ToString();
            return true;
        }

        return at == item.Length;
    }

    /// <summary>One piece of the template: literal text, or the placeholder of the value at <see cref="Hole"/>.</summary>
    internal readonly record struct Segment(string? Literal, int Hole, int Alignment, string? Format);

    private sealed record OwnKeyFlags(FieldNames Names, bool[] Flags);
}
