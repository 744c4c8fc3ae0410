using System;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>A Text-format line split into its tab-separated columns: timestamp, request id, level, then the message and fields.</summary>
internal sealed class TextLine
{
    private TextLine(string timestamp, string requestId, string level, string rest)
    {
        Timestamp = timestamp;
        RequestId = requestId;
        Level = level;
        Rest = rest;
    }

    public string Timestamp { get; }

    public string RequestId { get; }

    public string Level { get; }

    /// <summary>The message and the <c>key=value</c> fields after it.</summary>
    public string Rest { get; }

    public static TextLine Parse(string line)
    {
        var columns = line.Split('\t', 4);
        if (columns.Length != 4)
        {
            throw new FormatException($"Not a Text-format line (expected 4 tab-separated columns): {line}");
        }

        return new TextLine(columns[0], columns[1], columns[2], columns[3]);
    }
}
