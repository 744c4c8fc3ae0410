using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// The message template of one record and, when the configuration masks any name, its values under their
/// own names with the masked ones replaced: the message is rendered again from these when a value is
/// masked, because the caller's rendering holds the value.
/// </summary>
internal sealed class TemplateValues
{
    private readonly List<KeyValuePair<string, object?>> _values = [];
    private string? _maskedMessage;

    /// <summary>The message template, when the state carried one.</summary>
    public string? OriginalFormat { get; set; }

    /// <summary>Whether a template value was masked, so that the caller's rendering of the message must not be written.</summary>
    public bool HasMaskedValue { get; private set; }

    /// <summary>Notes one template value; returns the value to write: the mask when <paramref name="redaction"/> names it.</summary>
    public object? Note(string key, object? value, FieldRedaction redaction)
    {
        if (redaction.IsEmpty)
        {
            return value;
        }

        if (redaction.Masks(key))
        {
            value = redaction.Mask;
            HasMaskedValue = true;
        }

        _values.Add(new(key, value));
        return value;
    }

    /// <summary>
    /// The template rendered again with the masked values, when a value was masked; otherwise
    /// <see langword="null"/>: the caller's rendering is the message. A state without a template cannot be
    /// rendered again and keeps the caller's rendering.
    /// </summary>
    public string? MaskedMessage()
    {
        if (!HasMaskedValue || OriginalFormat is not { } template)
        {
            return null;
        }

        return _maskedMessage ??= MessageTemplate.Render(template, _values);
    }

    public void Clear()
    {
        _values.Clear();
        OriginalFormat = null;
        HasMaskedValue = false;
        _maskedMessage = null;
    }
}
