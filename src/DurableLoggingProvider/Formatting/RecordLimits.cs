using System;

namespace DurableLoggingProvider;

/// <summary>
/// How much of a record's variable content a rendering keeps. A record over the size limit is rendered
/// again with tighter limits until it fits: strings and arrays are cut shorter and shorter, then only the
/// record's own fields are kept, and those are cut until even the worst of them fit the smallest limit.
/// </summary>
internal readonly struct RecordLimits
{
    private const int SmallestStringLength = 64;

    // Sixteen own fields of this many characters, each escaping to six bytes, still fit well within
    // DurableLoggerOptions.MinMaxRecordBytes: the last step always fits.
    private const int LastResortStringLength = 8;

    private RecordLimits(int maxBytes, int maxStringLength, int maxItems, bool ownFieldsOnly)
    {
        MaxBytes = maxBytes;
        MaxStringLength = maxStringLength;
        MaxItems = maxItems;
        OwnFieldsOnly = ownFieldsOnly;
    }

    /// <summary>
    /// The first rendering: nothing is cut, but no array is read past <paramref name="maxBytes"/> / 2
    /// elements. Each element takes at least two bytes with its separator, so an array that long cannot
    /// fit anyway and the record is rendered again, cut; the bound only keeps an endless sequence from
    /// being read for ever.
    /// </summary>
    public static RecordLimits Untruncated(int maxBytes) => new(maxBytes, int.MaxValue, Math.Max(1, maxBytes / 2), ownFieldsOnly: false);

    /// <summary>The record's size limit, in bytes.</summary>
    public int MaxBytes { get; }

    /// <summary>The most characters kept of any one string value.</summary>
    public int MaxStringLength { get; }

    /// <summary>The most elements kept of any one array (stack trace lines, sequence values, scopes, fields).</summary>
    public int MaxItems { get; }

    /// <summary>Whether template and scope values are left out.</summary>
    public bool OwnFieldsOnly { get; }

    /// <summary>Whether this rendering cuts anything.</summary>
    public bool IsTruncating => MaxStringLength != int.MaxValue;

    /// <summary>
    /// Whether a rendering that has written <paramref name="written"/> bytes is already over the limit: it
    /// will be rendered again, tighter, so the rest of an array or of the fields need not be read. This keeps
    /// a record of thousands of huge values from being rendered whole, only to be cut.
    /// </summary>
    public bool IsSpent(long written) => written > MaxBytes;

    /// <summary>Whether no tighter rendering exists.</summary>
    public bool IsTightest => OwnFieldsOnly && MaxStringLength <= LastResortStringLength;

    /// <summary>The next, tighter limits for a record that rendered to <paramref name="renderedBytes"/> over <paramref name="maxBytes"/>.</summary>
    public RecordLimits Tighter(int maxBytes, int renderedBytes)
    {
        if (!IsTruncating)
        {
            // A string renders to at most 6 bytes a character (an escaped control character); start with
            // one that cannot overflow alone, then halve.
            var first = Math.Max(SmallestStringLength, Math.Min(maxBytes / 8, renderedBytes / 2));
            return new RecordLimits(maxBytes, first, Math.Max(8, maxBytes / 64), ownFieldsOnly: false);
        }

        var shorter = MaxStringLength / 2;
        if (OwnFieldsOnly)
        {
            // The own fields alone are too large only when they are full of characters that escape to
            // six bytes (a hostile request id, ARN or category): keep cutting them rather than overflow.
            return new RecordLimits(maxBytes, Math.Max(LastResortStringLength, shorter), 1, ownFieldsOnly: true);
        }

        return shorter < SmallestStringLength
            ? new RecordLimits(maxBytes, SmallestStringLength, 4, ownFieldsOnly: true)
            : new RecordLimits(maxBytes, shorter, Math.Max(4, MaxItems / 2), ownFieldsOnly: false);
    }

    /// <summary>The part of <paramref name="text"/> this rendering keeps, never splitting a surrogate pair.</summary>
    public ReadOnlySpan<char> Cut(string text, RecordBuffer buffer) => Cut(text.AsSpan(), buffer);

    /// <summary>The part of <paramref name="text"/> this rendering keeps, with an ellipsis where it was cut.</summary>
    public ReadOnlySpan<char> Cut(ReadOnlySpan<char> text, RecordBuffer buffer)
    {
        if (text.Length <= MaxStringLength)
        {
            return text;
        }

        var keep = MaxStringLength - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        var cut = buffer.Scratch(keep + 1);
        text[..keep].CopyTo(cut);
        cut[keep] = '…';
        return cut;
    }
}
