using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace DurableLoggingProvider;

/// <summary>
/// The final message of one record: the caller's rendering as a string, or the characters rendered here
/// from the template and the state's values, into a buffer reused from record to record, so that the
/// message costs no string. A string is made of the characters only when something needs one.
/// </summary>
internal sealed class MessageBuilder
{
    private const string NullValue = "(null)";
    private const int InitialCapacity = 256;
    private const int RetainedCapacity = 64 * 1024;
    private const int MaxCapacity = DurableLoggerOptions.MaxMaxRecordBytes;

    private char[] _chars = new char[InitialCapacity];
    private int _length;
    private string? _text;

    /// <summary>The message's characters.</summary>
    public ReadOnlySpan<char> Chars => _text is not null ? _text.AsSpan() : _chars.AsSpan(0, _length);

    /// <summary>The message as a string, made once when it was rendered here.</summary>
    public override string ToString() => _text ??= new string(_chars, 0, _length);

    /// <summary>Sets the message to a string rendered elsewhere.</summary>
    public void SetText(string text)
    {
        _text = text;
        _length = 0;
    }

    public void Clear()
    {
        _text = null;
        _length = 0;
        if (_chars.Length > RetainedCapacity)
        {
            _chars = new char[InitialCapacity];
        }
    }

    /// <summary>
    /// Renders <paramref name="shape"/> with <paramref name="values"/> (the value of the n-th placeholder at
    /// index n) exactly as <c>Microsoft.Extensions.Logging</c>'s formatter would: invariant culture,
    /// <c>(null)</c> for null, each value's alignment and format. Returns <see langword="false"/>, leaving
    /// the message empty, for a value MEL renders otherwise (a sequence) and for a value whose formatting
    /// throws: the caller's formatter renders those, with its own outcome.
    /// </summary>
    public bool TryRender(TemplateShape shape, ReadOnlySpan<KeyValuePair<string, object?>> values)
    {
        _text = null;
        _length = 0;
        try
        {
            foreach (var segment in shape.Segments)
            {
                if (segment.Literal is { } literal)
                {
                    Append(literal);
                }
                else if (!TryAppendValue(values[segment.Hole].Value, segment.Alignment, segment.Format))
                {
                    _length = 0;
                    return false;
                }
            }

            return true;
        }
        catch (Exception)
        {
            _length = 0;
            return false;
        }
    }

    private bool TryAppendValue(object? value, int alignment, string? format)
    {
        var start = _length;
        switch (value)
        {
            case null:
                Append(NullValue);
                break;
            case string text:
                Append(text);
                break;
            case IEnumerable:
                return false;
            case ISpanFormattable formattable:
                int written;
                while (!formattable.TryFormat(_chars.AsSpan(_length), out written, format, CultureInfo.InvariantCulture))
                {
                    if (!TryGrow(_chars.Length * 2))
                    {
                        return false;
                    }
                }

                _length += written;
                break;
            case IFormattable formattable:
                Append(formattable.ToString(format, CultureInfo.InvariantCulture));
                break;
            default:
                Append(value.ToString());
                break;
        }

        Pad(start, alignment);
        return true;
    }

    /// <summary>Pads the value written from <paramref name="start"/> with spaces to the alignment's width: on the left when positive, on the right when negative.</summary>
    private void Pad(int start, int alignment)
    {
        var width = Math.Abs(alignment);
        var written = _length - start;
        if (written >= width)
        {
            return;
        }

        var padding = width - written;
        Ensure(padding);
        if (alignment > 0)
        {
            _chars.AsSpan(start, written).CopyTo(_chars.AsSpan(start + padding));
            _chars.AsSpan(start, padding).Fill(' ');
        }
        else
        {
            _chars.AsSpan(_length, padding).Fill(' ');
        }

        _length += padding;
    }

    private void Append(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Ensure(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    private void Ensure(int more)
    {
        if (_length + more > _chars.Length && !TryGrow(_length + more))
        {
            throw new InvalidOperationException($"A message longer than {MaxCapacity} characters is rendered by the caller's formatter.");
        }
    }

    private bool TryGrow(int needed)
    {
        if (needed > MaxCapacity)
        {
            return false;
        }

        var larger = new char[Math.Min(Math.Max(needed, _chars.Length * 2), MaxCapacity)];
        _chars.AsSpan(0, _length).CopyTo(larger);
        _chars = larger;
        return true;
    }
}
