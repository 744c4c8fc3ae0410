using System;
using System.Collections.Generic;
using System.Text;

namespace DurableLoggingProvider;

/// <summary>
/// The text of an exception graph that holds an <see cref="AggregateException"/> too large for
/// <see cref="Exception.ToString()"/>: an aggregate's text repeats its first inner exception's, and its
/// message joins every inner message, so nested aggregates cost time exponential in their depth and a
/// 10,000-deep chain takes minutes. Here the graph is written once, in the shape of <c>ToString</c>, with at
/// most <see cref="ExceptionText.MaxExceptions"/> exceptions and <see cref="ExceptionText.MaxInnerDepth"/>
/// levels, each message read once, and an aggregate's message read only when it joins few enough.
/// </summary>
internal sealed class ExceptionGraph
{
    // An aggregate's message joins every message below it, recursively: read it only when that is cheap.
    private const int MaxJoinedMessages = 10_000;
    private const int MaxAggregateNesting = 3;

    private readonly StringBuilder _text = new();
    private int _written;
    private int _leftOut;

    private ExceptionGraph()
    {
    }

    /// <summary>
    /// Whether <see cref="Exception.ToString()"/> is cheap for this graph: at most
    /// <see cref="ExceptionText.MaxExceptions"/> exceptions, aggregates nested at most three deep, and the
    /// chain at most <see cref="ExceptionText.MaxInnerDepth"/> levels.
    /// </summary>
    public static bool IsSmall(Exception exception) => Size(exception, ExceptionText.MaxExceptions, MaxAggregateNesting, ExceptionText.MaxInnerDepth) >= 0;

    /// <summary>Whether the graph holds an aggregate exception within the first levels.</summary>
    public static bool HasAggregate(Exception exception)
    {
        var current = exception;
        for (var level = 0; current is not null && level <= ExceptionText.MaxInnerDepth; level++)
        {
            if (current is AggregateException)
            {
                return true;
            }

            current = current.InnerException;
        }

        return false;
    }

    public static string Text(Exception exception)
    {
        var graph = new ExceptionGraph();
        graph.Write(exception, 0);
        if (graph._leftOut > 0)
        {
            graph._text.Append("\n[").Append(graph._leftOut).Append(" more inner exceptions are left out: at most ")
                .Append(ExceptionText.MaxExceptions).Append(" exceptions and ").Append(ExceptionText.MaxInnerDepth).Append(" levels are written]");
        }

        return graph._text.ToString();
    }

    /// <summary>
    /// The exception's message, read once; for an aggregate, only when it joins at most
    /// <see cref="MaxJoinedMessages"/> messages with aggregates nested at most three deep.
    /// </summary>
    public static string Message(Exception exception) =>
        exception is AggregateException && Size(exception, MaxJoinedMessages, MaxAggregateNesting, MaxJoinedMessages) < 0
            ? $"[message not read: it would join the messages of more than {MaxJoinedMessages} inner exceptions or of aggregates nested more than {MaxAggregateNesting} deep]"
            : ValueText.SafeMessage(exception);

    /// <summary>The number of exceptions in the graph, or -1 when it exceeds one of the bounds.</summary>
    private static int Size(Exception root, int maxCount, int maxNesting, int maxDepth)
    {
        var count = 0;
        var pending = new Stack<(Exception Exception, int Nesting, int Depth)>();
        pending.Push((root, 0, 0));
        while (pending.Count > 0)
        {
            var (exception, nesting, depth) = pending.Pop();
            if (++count > maxCount || depth > maxDepth)
            {
                return -1;
            }

            if (exception is AggregateException aggregate)
            {
                if (nesting + 1 > maxNesting)
                {
                    return -1;
                }

                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push((inner, nesting + 1, depth + 1));
                }
            }
            else if (exception.InnerException is { } inner)
            {
                pending.Push((inner, nesting, depth + 1));
            }
        }

        return count;
    }

    private void Write(Exception exception, int depth)
    {
        _written++;
        _text.Append(ExceptionText.Type(exception));
        var message = Message(exception);
        if (message.Length > 0)
        {
            _text.Append(": ").Append(message);
        }

        var aggregate = exception as AggregateException;
        var inners = aggregate?.InnerExceptions;
        var first = aggregate is null ? exception.InnerException : inners!.Count > 0 ? inners[0] : null;
        if (first is not null)
        {
            if (depth < ExceptionText.MaxInnerDepth && _written < ExceptionText.MaxExceptions)
            {
                _text.Append(" ---> ");
                Write(first, depth + 1);
                _text.Append("\n   --- End of inner exception stack trace ---");
            }
            else
            {
                _leftOut++;
            }
        }

        if (ExceptionText.SafeStackTrace(exception) is { Length: > 0 } stack)
        {
            _text.Append('\n').Append(stack);
        }

        if (inners is null)
        {
            return;
        }

        // ToString writes each inner exception of an aggregate after it, the first one again included.
        for (var i = 0; i < inners.Count; i++)
        {
            if (depth >= ExceptionText.MaxInnerDepth || _written >= ExceptionText.MaxExceptions)
            {
                _leftOut += inners.Count - i;
                return;
            }

            _text.Append("\n ---> (Inner Exception #").Append(i).Append(") ");
            Write(inners[i], depth + 1);
            _text.Append("<---\n");
        }
    }
}
