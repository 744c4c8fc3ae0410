using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// The names of template and scope values whose values are never written, and what is written instead.
/// A value is masked when it is gathered, before anything formats it, so neither its <c>ToString</c> nor
/// a formatter ever sees it. Names match case-insensitively and without the spaces around them
/// (<c>{ password }</c>); a template's capture prefix (<c>@</c> or <c>$</c>, as in <c>{@Password}</c>) is ignored.
/// </summary>
internal sealed class FieldRedaction
{
    public static readonly FieldRedaction None = new(FrozenSet<string>.Empty, DurableLoggerOptions.DefaultRedactionMask);

    private readonly FrozenSet<string> _names;

    private FieldRedaction(FrozenSet<string> names, string mask)
    {
        _names = names;
        Mask = mask;
    }

    /// <summary>What is written in place of a masked value.</summary>
    public string Mask { get; }

    /// <summary>Whether no name is masked.</summary>
    public bool IsEmpty => _names.Count == 0;

    public static FieldRedaction From(IEnumerable<string> names, string mask)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                set.Add(WithoutCapturePrefix(name));
            }
        }

        return set.Count == 0 ? None : new FieldRedaction(set.ToFrozenSet(StringComparer.OrdinalIgnoreCase), mask);
    }

    /// <summary>Whether the value of the field named <paramref name="name"/> is masked.</summary>
    public bool Masks(string name) => _names.Count != 0 && _names.Contains(WithoutCapturePrefix(name));

    private static string WithoutCapturePrefix(string name)
    {
        var trimmed = name.AsSpan().Trim();
        if (trimmed.Length > 1 && trimmed[0] is '@' or '$')
        {
            trimmed = trimmed[1..].TrimStart();
        }

        return trimmed.Length == name.Length ? name : trimmed.ToString();
    }
}
