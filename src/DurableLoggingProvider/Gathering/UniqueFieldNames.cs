using System;
using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// The names one record's caller fields are written under, each used once: a name that is one of the
/// record's own keys, or already taken, is kept as <c>name_1</c>, <c>name_2</c>…
/// </summary>
internal sealed class UniqueFieldNames
{
    private readonly NameSet _used = new();
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    /// <summary>The name <paramref name="name"/> is written under, taken for this record from now on.</summary>
    public string Take(string name, FieldNames names) => Take(name, names, names.IsOwnKey(name));

    /// <summary>As <see cref="Take(string, FieldNames)"/>, whether <paramref name="name"/> is one of the record's own keys already known.</summary>
    public string Take(string name, FieldNames names, bool isOwnKey)
    {
        if (!isOwnKey && _used.Add(name))
        {
            return name;
        }

        // Remembering where the search for a name ended keeps a name repeated thousands of times linear.
        var suffix = _nextSuffix.TryGetValue(name, out var next) ? next : 1;
        while (true)
        {
            var candidate = $"{name}_{suffix++}";
            if (!names.IsOwnKey(candidate) && _used.Add(candidate))
            {
                _nextSuffix[name] = suffix;
                return candidate;
            }
        }
    }

    public void Clear()
    {
        _used.Clear();
        _nextSuffix.Clear();
    }
}
