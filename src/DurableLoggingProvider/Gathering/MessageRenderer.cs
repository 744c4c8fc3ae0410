using System;

namespace DurableLoggingProvider;

/// <summary>
/// Renders a record's message, the one place its final text is settled: the caller's formatter, never
/// allowed to throw, or, when a template value was masked, the template rendered again with the mask.
/// </summary>
internal static class MessageRenderer
{
    /// <summary>
    /// The message of a record whose fields are gathered: rendered again from the template, without calling
    /// the caller's formatter, when a template value was masked (the formatter would turn the value into
    /// text); otherwise as <see cref="Render{TState}(TState, Exception?, Func{TState, Exception?, string}?, string?)"/>.
    /// </summary>
    public static string Render<TState>(TState state, Exception? exception, Func<TState, Exception?, string>? formatter, RecordFields fields) =>
        fields.MaskedMessage() ?? Render(state, exception, formatter, fields.OriginalFormat);

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
