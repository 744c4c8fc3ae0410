using System;
using System.Collections.Generic;
using System.Text;

namespace DurableLoggingProvider;

/// <summary>What the error fields of a record say about an exception, never throwing while reading it.</summary>
internal static class ExceptionText
{
    /// <summary>
    /// The most inner exceptions written. <see cref="Exception.ToString()"/> recurses through the chain and
    /// copies the inner text at every level, so a chain thousands deep takes quadratic time and can
    /// exhaust the stack; past this depth the text is built here, one level at a time, and cut.
    /// </summary>
    public const int MaxInnerDepth = 100;

    /// <summary>The most exceptions written of a graph that holds aggregate exceptions.</summary>
    public const int MaxExceptions = 100;

    /// <summary>The exception's full type name.</summary>
    public static string Type(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    /// <summary>The whole text of the exception (message, stack, inner exceptions), or a marker if it cannot be read.</summary>
    public static string Full(Exception exception)
    {
        try
        {
            if (ExceptionGraph.HasAggregate(exception))
            {
                return ExceptionGraph.IsSmall(exception) ? exception.ToString() : ExceptionGraph.Text(exception);
            }

            return InnerDepthExceeds(exception, MaxInnerDepth) ? Cut(exception) : exception.ToString();
        }
        catch (Exception failure)
        {
            return $"{Type(exception)}: {ValueText.SafeMessage(exception)} [exception text could not be read: {failure.GetType().Name}]";
        }
    }

    private static bool InnerDepthExceeds(Exception exception, int depth)
    {
        var inner = exception.InnerException;
        for (var level = 0; inner is not null; level++)
        {
            if (level == depth)
            {
                return true;
            }

            inner = inner.InnerException;
        }

        return false;
    }

    /// <summary>
    /// The shape of <see cref="Exception.ToString()"/> for the first <see cref="MaxInnerDepth"/> levels of
    /// the chain: the messages joined by <c>---&gt;</c>, then the stack traces from the innermost out.
    /// </summary>
    private static string Cut(Exception exception)
    {
        var levels = new Exception[MaxInnerDepth + 1];
        var current = exception;
        for (var level = 0; level < levels.Length; level++)
        {
            levels[level] = current!;
            current = current!.InnerException;
        }

        var text = new StringBuilder();
        foreach (var level in levels)
        {
            text.Append(text.Length == 0 ? string.Empty : " ---> ").Append(Type(level)).Append(": ").Append(ExceptionGraph.Message(level));
        }

        text.Append(" ---> [inner exceptions deeper than ").Append(MaxInnerDepth).Append(" levels are left out]");
        for (var level = levels.Length - 1; level >= 0; level--)
        {
            if (level < levels.Length - 1)
            {
                text.Append('\n').Append("   --- End of inner exception stack trace ---");
            }

            if (SafeStackTrace(levels[level]) is { Length: > 0 } stackTrace)
            {
                text.Append('\n').Append(stackTrace);
            }
        }

        return text.ToString();
    }

    public static string? SafeStackTrace(Exception exception)
    {
        try
        {
            return exception.StackTrace;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>What a record's error fields say, read once for all the renderings of the record.</summary>
    public static ExceptionDetails Describe(Exception exception) =>
        new(Type(exception), ExceptionGraph.Message(exception), Lines(exception));

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
