using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The caller's fields of one record, gathered before it is written: the message template's values
/// first, then the values of key-value scopes. Names are made unique here, once: a template value wins
/// over a scope value of the same name, an inner scope over an outer one, and a name that is one of
/// the record's own keys (or already taken) is kept under <c>name_1</c>, <c>name_2</c>…
/// </summary>
internal sealed class RecordFields
{
    private const string OriginalFormatKey = "{OriginalFormat}";
    private const string ValueErrorKey = "valueError";

    private readonly List<KeyValuePair<string, object?>> _fields = [];
    private readonly List<KeyValuePair<string, object?>> _scopeValues = [];
    private readonly List<int> _scopeStarts = [];
    private readonly List<object?> _scopeTexts = [];
    private readonly HashSet<string> _callerNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private FieldNames _names = FieldNames.CamelCase;

    /// <summary>All caller fields, under their final names: template values, then scope values.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> All => _fields;

    /// <summary>How many of <see cref="All"/>, from the start, are the message template's values.</summary>
    public int TemplateCount { get; private set; }

    /// <summary>Scopes that are not key-value pairs (a plain string, say), outermost first.</summary>
    public IReadOnlyList<object?> ScopeTexts => _scopeTexts;

    /// <summary>The message template, when the state carried one.</summary>
    public string? OriginalFormat { get; private set; }

    /// <summary>Whether the caller gave a value of this name, which then replaces a context field of the same name.</summary>
    public bool HasCallerField(JsonEncodedText name) => _callerNames.Contains(name.Value);

    /// <summary>Finds the message template's value written under <paramref name="name"/>.</summary>
    public bool TryGetTemplateValue(JsonEncodedText name, out object? value)
    {
        for (var i = 0; i < TemplateCount; i++)
        {
            if (_fields[i].Key == name.Value)
            {
                value = _fields[i].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public void Clear()
    {
        _fields.Clear();
        _scopeValues.Clear();
        _scopeStarts.Clear();
        _scopeTexts.Clear();
        _callerNames.Clear();
        _usedNames.Clear();
        TemplateCount = 0;
        OriginalFormat = null;
    }

    public void Collect<TState>(TState state, IExternalScopeProvider? scopes, FieldNames names)
    {
        _names = names;
        try
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    AddTemplateValue(values[i]);
                }
            }
            else if (state is IEnumerable<KeyValuePair<string, object?>> sequence)
            {
                foreach (var value in sequence)
                {
                    AddTemplateValue(value);
                }
            }
        }
        catch (Exception exception)
        {
            AddTemplateValue(new(ValueErrorKey, $"[values could not be read: {exception.GetType().Name}: {ValueText.SafeMessage(exception)}]"));
        }

        TemplateCount = _fields.Count;
        if (scopes is not null)
        {
            CollectScopes(scopes);
        }
    }

    private void AddTemplateValue(KeyValuePair<string, object?> value)
    {
        if (value.Key is null)
        {
            return;
        }

        if (value.Key == OriginalFormatKey)
        {
            OriginalFormat = value.Value as string;
            return;
        }

        _callerNames.Add(value.Key);
        _fields.Add(new(FinalName(value.Key), value.Value));
    }

    private void CollectScopes(IExternalScopeProvider scopes)
    {
        try
        {
            scopes.ForEachScope(static (scope, fields) => fields.AddScope(scope), this);
        }
        catch (Exception exception)
        {
            _scopeTexts.Add($"[scope could not be read: {exception.GetType().Name}: {ValueText.SafeMessage(exception)}]");
        }

        // Scopes arrive outermost first; taking them from the innermost lets it win, while the values of
        // one scope keep the order the caller gave them.
        var end = _scopeValues.Count;
        for (var scope = _scopeStarts.Count - 1; scope >= 0; scope--)
        {
            var start = _scopeStarts[scope];
            for (var i = start; i < end; i++)
            {
                var (key, value) = _scopeValues[i];
                if (_callerNames.Add(key))
                {
                    _fields.Add(new(FinalName(key), value));
                }
            }

            end = start;
        }
    }

    private void AddScope(object? scope)
    {
        _scopeStarts.Add(_scopeValues.Count);
        try
        {
            AddScopeValues(scope);
        }
        catch (Exception exception)
        {
            // One scope that cannot be read must not cost the other scopes their values.
            _scopeTexts.Add($"[scope could not be read: {exception.GetType().Name}: {ValueText.SafeMessage(exception)}]");
        }
    }

    private void AddScopeValues(object? scope)
    {
        if (scope is DurableFieldsScope)
        {
            // A ReplayAwareLogger over this provider: the provider writes these fields itself.
            return;
        }

        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var pair in pairs)
            {
                if (pair.Key != OriginalFormatKey && pair.Key is not null)
                {
                    _scopeValues.Add(pair);
                }
            }
        }
        else if (scope is IEnumerable<KeyValuePair<string, string?>> stringPairs)
        {
            foreach (var pair in stringPairs)
            {
                if (pair.Key is not null)
                {
                    _scopeValues.Add(new(pair.Key, pair.Value));
                }
            }
        }
        else if (scope is not null)
        {
            _scopeTexts.Add(scope);
        }
    }

    private string FinalName(string name)
    {
        if (!_names.IsOwnKey(name) && _usedNames.Add(name))
        {
            return name;
        }

        for (var suffix = 1; ; suffix++)
        {
            var candidate = $"{name}_{suffix}";
            if (!_names.IsOwnKey(candidate) && _usedNames.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
