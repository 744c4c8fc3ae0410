using System;

namespace DurableLoggingProvider;

/// <summary>Renders a record's message with the caller's formatter, never letting it throw.</summary>
internal static class LogMessage
{
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
