using System;
using System.Globalization;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The bounds of the error text the engine builds or passes on (messages, types, data, stack traces), so
/// that an error always fits what Lambda can return (a 6 MB response) and what a checkpoint may carry
/// (about 750 KB a call), however large the text it echoes: a 10 MB operation name, say. Text over a bound
/// is cut, with a marker that says how much was left out.
/// </summary>
internal static class ErrorText
{
    /// <summary>The most characters of an error message kept.</summary>
    public const int MaxMessageLength = 16 * 1024;

    /// <summary>The most characters of an error type kept.</summary>
    public const int MaxTypeLength = 512;

    /// <summary>The most characters of error data kept; longer data is left out whole, since cut JSON is not JSON.</summary>
    public const int MaxDataLength = 32 * 1024;

    /// <summary>The most characters of one stack trace line kept.</summary>
    public const int MaxStackLineLength = 1024;

    /// <summary>The most characters of all of a stack trace's lines kept.</summary>
    public const int MaxStackTraceLength = 32 * 1024;

    /// <summary>The most lines of a stack trace kept.</summary>
    public const int MaxStackTraceLines = 256;

    /// <summary><paramref name="text"/>, or its start and a marker when it is longer than <paramref name="maxLength"/>.</summary>
    public static string Bound(string text, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var kept = maxLength;

        // Never keep half of a surrogate pair.
        if (char.IsHighSurrogate(text[kept - 1]))
        {
            kept--;
        }

        return string.Concat(
            text.AsSpan(0, kept),
            string.Create(CultureInfo.InvariantCulture, $" [cut: {text.Length - kept} of {text.Length} characters left out]"));
    }

    /// <summary><paramref name="text"/> bounded, or <see langword="null"/>.</summary>
    public static string? BoundOrNull(string? text, int maxLength) => text is null ? null : Bound(text, maxLength);
}
