using System;
using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// A set of names, compared ordinally, sized for one record: the first sixteen names are kept in an array
/// and found by comparing them in turn, which for the few names of a typical record costs less than
/// hashing each one; past sixteen the names move to a hash set, so that thousands stay linear.
/// </summary>
internal sealed class NameSet
{
    private const int FewNames = 16;

    private readonly string[] _few = new string[FewNames];
    private readonly HashSet<string> _many = new(StringComparer.Ordinal);
    private int _count;
    private bool _isMany;

    /// <summary>Adds <paramref name="name"/>; whether it was not there yet.</summary>
    public bool Add(string name)
    {
        if (_isMany)
        {
            return _many.Add(name);
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_few[i], name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (_count < FewNames)
        {
            _few[_count++] = name;
            return true;
        }

        _many.UnionWith(_few);
        _isMany = true;
        return _many.Add(name);
    }

    public bool Contains(string name)
    {
        if (_isMany)
        {
            return _many.Contains(name);
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_few[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public void Clear()
    {
        Array.Clear(_few, 0, _count);
        _count = 0;
        if (_isMany)
        {
            _many.Clear();
            _isMany = false;
        }
    }
}
