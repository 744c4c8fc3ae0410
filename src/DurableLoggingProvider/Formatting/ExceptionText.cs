using System;
using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>What the error fields of a record say about an exception, never throwing while reading it.</summary>
internal static class ExceptionText
{
    /// <summary>The exception's full type name.</summary>
    public static string Type(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    /// <summary>The whole text of the exception (message, stack, inner exceptions), or a marker if it cannot be read.</summary>
    public static string Full(Exception exception)
    {
        try
        {
            return exception.ToString();
        }
        catch (Exception failure)
        {
            return $"{Type(exception)}: {ValueText.SafeMessage(exception)} [exception text could not be read: {failure.GetType().Name}]";
        }
    }

    /// <summary>The lines of <see cref="Full"/>: the stack trace, inner exceptions included.</summary>
    public static List<string> Lines(Exception exception)
    {
        var text = Full(exception);
        var lines = new List<string>();
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).TrimEnd('\r');
            if (!line.IsEmpty)
            {
                lines.Add(line.ToString());
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return lines;
    }
}
