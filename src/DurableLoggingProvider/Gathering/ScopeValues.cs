using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The scopes of one record, read before its fields are named: each key-value scope's values (masked where
/// the configuration masks them) and where each scope starts, outermost first, and the scopes that are not
/// key-value pairs, with a note for anything that could not be read. A scratch area of
/// <see cref="RecordFields"/>, reused record after record.
/// </summary>
internal sealed class ScopeValues
{
    private readonly List<KeyValuePair<string, object?>> _values = [];
    private readonly List<int> _starts = [];
    private readonly List<object?> _texts = [];
    private FieldRedaction _redaction = FieldRedaction.None;

    /// <summary>How many key-value scopes were read.</summary>
    public int Count => _starts.Count;

    /// <summary>Scopes that are not key-value pairs (a plain string, say), and notes of what was left out or unreadable, outermost first.</summary>
    public IReadOnlyList<object?> Texts => _texts;

    /// <summary>The values of key-value scope <paramref name="scope"/> (0 is the outermost), in the order the caller gave them.</summary>
    public ReadOnlySpan<KeyValuePair<string, object?>> ValuesOf(int scope)
    {
        var start = _starts[scope];
        var end = scope + 1 < _starts.Count ? _starts[scope + 1] : _values.Count;
        return CollectionsMarshal.AsSpan(_values)[start..end];
    }

    /// <summary>Reads every scope the provider holds now. Nothing it reads can throw out of here.</summary>
    public void Read(IExternalScopeProvider scopes, FieldRedaction redaction)
    {
        _redaction = redaction;
        try
        {
            scopes.ForEachScope(static (scope, values) => values.Add(scope), this);
        }
        catch (Exception exception)
        {
            _texts.Add($"[scope could not be read: {exception.GetType().Name}: {ValueText.SafeMessage(exception)}]");
        }
    }

    /// <summary>Notes that a state or scope had more values than <see cref="RecordFields.MaxValuesPerSource"/>, and the rest were left out.</summary>
    public void NoteCut() =>
        _texts.Add($"[values after the first {RecordFields.MaxValuesPerSource} of one state or scope are left out]");

    public void Clear()
    {
        _values.Clear();
        _starts.Clear();
        _texts.Clear();
        _redaction = FieldRedaction.None;
    }

    private void Add(object? scope)
    {
        _starts.Add(_values.Count);
        try
        {
            AddValues(scope);
        }
        catch (Exception exception)
        {
            // One scope that cannot be read must not cost the other scopes their values.
            _texts.Add($"[scope could not be read: {exception.GetType().Name}: {ValueText.SafeMessage(exception)}]");
        }
    }

    private void AddValues(object? scope)
    {
        if (scope is null or DurableFieldsScope)
        {
            // A ReplayAwareLogger over this provider: the provider writes these fields itself.
            return;
        }

        var start = _values.Count;
        if (!KeyValueScope.TryRead(scope, _values, RecordFields.MaxValuesPerSource, out var cut))
        {
            _texts.Add(scope);
            return;
        }

        if (cut)
        {
            NoteCut();
        }

        for (var i = start; i < _values.Count; i++)
        {
            var (key, value) = _values[i];
            if (_redaction.Masks(key))
            {
                _values[i] = new(key, _redaction.Mask);
            }
        }
    }
}
