using System;

namespace DurableLoggingProvider;

/// <summary>
/// Renders a record's message, the one place its final text is settled: the caller's formatter, never
/// allowed to throw, or, when a template value was masked, the template rendered again with the mask.
/// </summary>
internal static class MessageRenderer
{
    /// <summary>
    /// Settles the message of a record whose fields are gathered, into <see cref="RecordFields.Message"/>:
    /// rendered again from the template, without calling the caller's formatter, when a template value was
    /// masked (the formatter would turn the value into text); rendered here from the template and the values
    /// when the state is one of MEL's own template states (the same text as MEL's formatter, without a
    /// string); otherwise as <see cref="Render{TState}(TState, Exception?, Func{TState, Exception?, string}?, string?)"/>.
    /// </summary>
    public static void Render<TState>(TState state, Exception? exception, Func<TState, Exception?, string>? formatter, RecordFields fields)
    {
        var message = fields.Message;
        if (fields.MaskedMessage() is { } masked)
        {
            message.SetText(masked);
            return;
        }

        if (fields.Shape is { } shape && shape.CanRender)
        {
            if (shape.NameCount == 0)
            {
                // MEL writes a template without values as it is, escaped braces and all.
                message.SetText(fields.OriginalFormat!);
                return;
            }

            if (message.TryRender(shape, fields.TemplateValues))
            {
                return;
            }
        }

        message.SetText(Render(state, exception, formatter, fields.OriginalFormat));
    }

    public static string Render<TState>(TState state, Exception? exception, Func<TState, Exception?, string>? formatter, string? originalFormat)
    {
        try
        {
            return formatter is not null ? formatter(state, exception) ?? string.Empty : ValueText.Of(state) ?? string.Empty;
        }
        catch (Exception failure)
        {
            return $"{originalFormat ?? typeof(TState).Name} [message formatting failed: {failure.GetType().Name}: {ValueText.SafeMessage(failure)}]";
        }
    }
}
