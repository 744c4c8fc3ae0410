using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The caller's fields of one record, gathered before it is written: the message template's values
/// first, then the values of key-value scopes. Names are made unique here, once: a template value wins
/// over a scope value of the same name, an inner scope over an outer one, and a name that is one of
/// the record's own keys (or already taken) is kept under <c>name_1</c>, <c>name_2</c>…
/// Values of names the configuration masks are replaced here, before anything formats them. At most
/// <see cref="MaxValuesPerSource"/> values are read from the state or any one scope.
/// </summary>
internal sealed class RecordFields
{
    private const string ValueErrorKey = "valueError";

    /// <summary>
    /// The most values read from the state or one scope: an endless or enormous sequence must not hang the
    /// log call, and a record could not hold more values than this within a sensible size anyway.
    /// </summary>
    public const int MaxValuesPerSource = 10_000;

#pragma warning disable IDE1006 // Thread-statics are named t_.
    [ThreadStatic]
    private static RecordFields? t_cached;
#pragma warning restore IDE1006

    private readonly List<KeyValuePair<string, object?>> _fields = [];
    private readonly ScopeValues _scopes = new();
    private readonly NameSet _callerNames = new();
    private readonly UniqueFieldNames _finalNames = new();
    private readonly TemplateValues _template = new();
    private FieldNames _names = FieldNames.CamelCase;
    private TemplateShape? _shape;
    private readonly ValueBoxes _boxes = new();
    private bool _templateNamesAsGiven;

    /// <summary>No caller field: the fields of a record written with its own fields only. Never gathered into.</summary>
    public static RecordFields None { get; } = new();

    /// <summary>All caller fields, under their final names: template values, then scope values.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> All => _fields;

    /// <summary>How many of <see cref="All"/>, from the start, are the message template's values.</summary>
    public int TemplateCount { get; private set; }

    /// <summary>Scopes that are not key-value pairs (a plain string, say), outermost first.</summary>
    public IReadOnlyList<object?> ScopeTexts => _scopes.Texts;

    /// <summary>The message template, when the state carried one.</summary>
    public string? OriginalFormat => _template.OriginalFormat;

    /// <summary>
    /// The template's shape, when the state is one of <c>Microsoft.Extensions.Logging</c>'s own template
    /// states and its values are the template's placeholders, in order: the message can then be rendered
    /// from <see cref="TemplateValues"/> instead of by the caller's formatter.
    /// </summary>
    public TemplateShape? Shape => _shape;

    /// <summary>The message template's values, in the state's order; when <see cref="Shape"/> is set, the n-th is the n-th placeholder's.</summary>
    public ReadOnlySpan<KeyValuePair<string, object?>> TemplateValues => CollectionsMarshal.AsSpan(_fields)[..TemplateCount];

    /// <summary>
    /// The JSON property name of the template value at <paramref name="index"/>, encoded once for its
    /// template, when every template value kept the placeholder's own name; else <see langword="false"/>.
    /// </summary>
    public bool TryGetEncodedTemplateName(int index, out JsonEncodedText name)
    {
        if (_templateNamesAsGiven && _shape is { } shape && index < TemplateCount && index < shape.NameCount)
        {
            name = shape.EncodedName(index);
            return true;
        }

        name = default;
        return false;
    }

    /// <summary>The record's final message, settled once the fields are gathered.</summary>
    public MessageBuilder Message { get; } = new();

    /// <summary>The message rendered again from the template with the masked values, when a template value was masked; else <see langword="null"/>.</summary>
    public string? MaskedMessage() => _template.MaskedMessage();

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

    /// <summary>
    /// Fields to gather one record into: cached per thread and reused, so gathering allocates nothing once
    /// warm; a record logged while another is gathered on the same thread (a value's <c>ToString</c> that
    /// logs) gets fresh ones.
    /// </summary>
    public static RecordFields Rent()
    {
        var fields = t_cached;
        t_cached = null;
        return fields ?? new RecordFields();
    }

    public static void Return(RecordFields fields)
    {
        fields.Clear();
        t_cached = fields;
    }

    public void Clear()
    {
        _fields.Clear();
        _scopes.Clear();
        _callerNames.Clear();
        _finalNames.Clear();
        _template.Clear();
        Message.Clear();
        _shape = null;
        _templateNamesAsGiven = false;
        TemplateCount = 0;
    }

    /// <summary>Adds a field the provider writes itself on some lines (sampling's and buffering's marks) after the caller's, under a name no caller field has taken.</summary>
    public void AddProviderField(string name, object? value) => _fields.Add(new(FinalName(name), value));

    public void Collect<TState>(TState state, IExternalScopeProvider? scopes, FieldNames names)
    {
        _names = names;
        try
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>>)
            {
                CollectList(state);
            }
            else if (state is IEnumerable<KeyValuePair<string, object?>> sequence)
            {
                var count = 0;
                foreach (var value in sequence)
                {
                    if (++count > MaxValuesPerSource)
                    {
                        _scopes.NoteCut();
                        break;
                    }

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

    /// <summary>
    /// Reads the values of a state that is a list. Each access casts the state afresh: for a state that is a
    /// struct (MEL's own template states are), the JIT then calls the struct's members directly instead of
    /// boxing the state, which reading it as one interface variable would do.
    /// </summary>
    private void CollectList<TState>(TState state)
    {
        var total = ((IReadOnlyList<KeyValuePair<string, object?>>)state!).Count;
        var count = Math.Min(total, MaxValuesPerSource);
        if (TemplateState<TState>.IsMicrosoftTemplateState && total > 0 && total <= MaxValuesPerSource)
        {
            var (key, value) = ((IReadOnlyList<KeyValuePair<string, object?>>)state!)[total - 1];
            if (key == TemplateShape.OriginalFormatKey && value is string template && TemplateShape.Of(template) is { } shape && shape.NameCount == total - 1)
            {
                _shape = shape;
                _templateNamesAsGiven = true;
            }
        }

        if (state is ITypedTemplateValues)
        {
            for (var i = 0; i < count; i++)
            {
                AddTemplateValue(((ITypedTemplateValues)state!).Read(i, _boxes), i);
            }
        }
        else if (TemplateState<TState>.IsReversedTagState && total == count && total > 0
            && ((IReadOnlyList<KeyValuePair<string, object?>>)state!)[0].Key == TemplateShape.OriginalFormatKey)
        {
            // The extended generator's state: the template first, the values last placeholder first. Read
            // from the end, so the values are written in the template's order, as for MEL's own states.
            for (var i = total - 1; i >= 0; i--)
            {
                AddTemplateValue(((IReadOnlyList<KeyValuePair<string, object?>>)state!)[i]);
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                AddTemplateValue(((IReadOnlyList<KeyValuePair<string, object?>>)state!)[i], i);
            }
        }

        if (total > count)
        {
            var values = (IReadOnlyList<KeyValuePair<string, object?>>)state!;
            _scopes.NoteCut();
            NoteValuesLeftOut(values, count);
        }
    }

    private void AddTemplateValue(KeyValuePair<string, object?> value, int index = -1)
    {
        if (_shape is { } shape && (uint)index < (uint)shape.NameCount)
        {
            // A placeholder's value: its name is known not to be a template key, and whether it is one of the
            // record's own keys was settled once for the template.
            var shaped = _template.Note(value.Key, value.Value, _names.Redaction);
            _callerNames.Add(value.Key);
            var finalName = _finalNames.Take(value.Key, _names, shape.IsOwnKey(index, _names));
            _templateNamesAsGiven &= ReferenceEquals(finalName, value.Key) && string.Equals(value.Key, shape.NameAt(index), StringComparison.Ordinal);
            _fields.Add(new(finalName, shaped));
            return;
        }

        if (value.Key is null)
        {
            return;
        }

        if (value.Key == TemplateShape.OriginalFormatKey)
        {
            _template.OriginalFormat = value.Value as string;
            return;
        }

        var fieldValue = _template.Note(value.Key, value.Value, _names.Redaction);
        _callerNames.Add(value.Key);
        _fields.Add(new(FinalName(value.Key), fieldValue));
    }

    /// <summary>
    /// The values of a template with more placeholders than are written still decide redaction: the template
    /// (the last entry of the standard formatter's values) is found, and every masked name beyond the written
    /// ones is found too, with the values the template is rendered again from.
    /// </summary>
    private void NoteValuesLeftOut(IReadOnlyList<KeyValuePair<string, object?>> values, int written)
    {
        if (values[^1].Key == TemplateShape.OriginalFormatKey)
        {
            _template.OriginalFormat = values[^1].Value as string;
        }

        var redaction = _names.Redaction;
        if (redaction.IsEmpty)
        {
            return;
        }

        for (var i = written; i < values.Count; i++)
        {
            var (key, value) = values[i];
            if (key is null || key == TemplateShape.OriginalFormatKey)
            {
                continue;
            }

            _template.Note(key, value, redaction);
        }
    }

    private void CollectScopes(IExternalScopeProvider scopes)
    {
        _scopes.Read(scopes, _names.Redaction);

        // Scopes arrive outermost first; taking them from the innermost lets it win, while the values of
        // one scope keep the order the caller gave them.
        for (var scope = _scopes.Count - 1; scope >= 0; scope--)
        {
            foreach (var (key, value) in _scopes.ValuesOf(scope))
            {
                if (key != TemplateShape.OriginalFormatKey && _callerNames.Add(key))
                {
                    _fields.Add(new(FinalName(key), value));
                }
            }
        }
    }

    private string FinalName(string name) => _finalNames.Take(name, _names);
}
