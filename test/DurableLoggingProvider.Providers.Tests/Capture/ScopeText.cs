using System;
using System.Globalization;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>A scope value as text, the same whichever provider carried it: <c>true</c>, <c>2</c>, <c>arn:…</c>.</summary>
internal static class ScopeText
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
