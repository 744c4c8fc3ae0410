using System;

namespace DurableLoggingProvider;

/// <summary>
/// How much of a record's variable content a rendering keeps. A record over the size limit is rendered
/// again with tighter limits until it fits: strings and arrays are cut shorter and shorter, then only the
/// record's own fields are kept, and those are cut until even the worst of them fit the smallest limit.
/// </summary>
internal readonly struct RecordLimits
{
    /// <summary>The shortest strings a rendering that keeps the caller's values cuts to.</summary>
    public const int SmallestStringLength = 64;

    // Sixteen own fields of this many characters, each escaping to six bytes, still fit well within
    // DurableLoggerOptions.MinMaxRecordBytes: the last step always fits.
    private const int LastResortStringLength = 8;

    private RecordLimits(int maxBytes, int maxStringLength, int maxItems, bool ownFieldsOnly, bool isTruncating)
    {
        MaxBytes = maxBytes;
        MaxStringLength = maxStringLength;
        MaxItems = maxItems;
        OwnFieldsOnly = ownFieldsOnly;
        IsTruncating = isTruncating;
    }

    /// <summary>
    /// The first rendering: nothing that could fit is cut. A string longer than <paramref name="maxBytes"/>
    /// characters cannot fit (each takes at least a byte), so it is cut there before anything escapes it, and
    /// no array is read past <paramref name="maxBytes"/> / 2 elements (each takes at least two bytes with its
    /// separator); a record so cut is over the limit and rendered again, tighter. The bounds only keep a
    /// 100-million-character string from being escaped whole, and an endless sequence from being read for ever.
    /// </summary>
    public static RecordLimits Untruncated(int maxBytes) => new(maxBytes, maxBytes, Math.Max(1, maxBytes / 2), ownFieldsOnly: false, isTruncating: false);

    /// <summary>
    /// A rendering that cuts every string to <paramref name="maxStringLength"/> characters and keeps arrays
    /// in proportion (a sixteenth as many elements, between 4 and <paramref name="maxBytes"/> / 64): the larger
    /// the length, the larger the record, so the formatter searches for the largest length that fits.
    /// </summary>
    public static RecordLimits Truncating(int maxBytes, int maxStringLength) =>
        new(maxBytes, maxStringLength, Math.Clamp(maxStringLength / 16, 4, Math.Max(8, maxBytes / 64)), ownFieldsOnly: false, isTruncating: true);

    /// <summary>The first rendering of the last resort: the record's own fields only.</summary>
    public static RecordLimits OwnFields(int maxBytes) => new(maxBytes, SmallestStringLength, 4, ownFieldsOnly: true, isTruncating: true);

    /// <summary>The record's size limit, in bytes.</summary>
    public int MaxBytes { get; }

    /// <summary>The most characters kept of any one string value.</summary>
    public int MaxStringLength { get; }

    /// <summary>The most elements kept of any one array (stack trace lines, sequence values, scopes, fields).</summary>
    public int MaxItems { get; }

    /// <summary>Whether template and scope values are left out.</summary>
    public bool OwnFieldsOnly { get; }

    /// <summary>Whether this rendering cuts what does not fit, and so marks the record as truncated.</summary>
    public bool IsTruncating { get; }

    /// <summary>
    /// Whether a rendering that has written <paramref name="written"/> bytes is already over the limit: it
    /// will be rendered again, tighter, so the rest of an array or of the fields need not be read. This keeps
    /// a record of thousands of huge values from being rendered whole, only to be cut.
    /// </summary>
    public bool IsSpent(long written) => written > MaxBytes;

    /// <summary>Whether no tighter rendering exists.</summary>
    public bool IsTightest => OwnFieldsOnly && MaxStringLength <= LastResortStringLength;

    /// <summary>
    /// The next rendering of the last resort: the own fields alone are too large only when they are full of
    /// characters that escape to six bytes (a hostile request id, ARN or category): keep cutting them rather
    /// than overflow.
    /// </summary>
    public RecordLimits TighterOwnFields() =>
        new(MaxBytes, Math.Max(LastResortStringLength, MaxStringLength / 2), 1, ownFieldsOnly: true, isTruncating: true);

    /// <summary>The part of <paramref name="text"/> this rendering keeps, never splitting a surrogate pair.</summary>
    public ReadOnlySpan<char> Cut(string text, RenderBuffer buffer) => Cut(text.AsSpan(), buffer);

    /// <summary>The part of <paramref name="text"/> this rendering keeps, with an ellipsis where it was cut.</summary>
    public ReadOnlySpan<char> Cut(ReadOnlySpan<char> text, RenderBuffer buffer)
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
