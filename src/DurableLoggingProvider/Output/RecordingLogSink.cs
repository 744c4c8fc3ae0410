using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// A sink that keeps every record in memory, for tests: register it in place of standard output and
/// assert on exactly the lines your code wrote. With each line it keeps, when it is written, what the
/// line is (<see cref="RecordedLines"/>: level, request id, timestamp…), in every format.
/// </summary>
/// <example>
/// <code>
/// var sink = new RecordingLogSink();
/// services.AddDurableLogging(o => o.Format = DurableLogFormat.Json).AddSingleton&lt;ILogSink&gt;(sink);
/// // ... run the code ...
/// Assert.That(sink.JsonRecords()[0].GetProperty("message").GetString(), Is.EqualTo("Order placed"));
/// </code>
/// </example>
public sealed class RecordingLogSink : ILogSink, IRecordKeepingSink
{
    private readonly object _lock = new();
    private readonly List<RecordedLine> _lines = [];

    /// <summary>The records written so far, in order, each without its trailing newline.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return _lines.ConvertAll(line => line.Line);
            }
        }
    }

    /// <summary>The records written so far, in order, each with what it is, kept when it was written.</summary>
    public IReadOnlyList<RecordedLine> RecordedLines
    {
        get
        {
            lock (_lock)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <summary>How many records were written.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _lines.Count;
            }
        }
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> record)
    {
        var invocation = DurableLogContext.Invocation;
        Keep(new RecordedLine(LineOf(record), invocation?.RequestId, invocation?.TraceId));
    }

    void IRecordKeepingSink.Write(ReadOnlySpan<byte> record, in LogRecord gathered, DurableLogFormat format)
    {
        Span<byte> timestamp = stackalloc byte[Rfc3339Timestamp.Length];
        Rfc3339Timestamp.Format(gathered.Timestamp, timestamp);
        var invocation = gathered.Frame?.Invocation;
        Keep(new RecordedLine(LineOf(record), invocation?.RequestId, invocation?.TraceId)
        {
            Format = format,
            Timestamp = gathered.Timestamp,
            TimestampText = Encoding.ASCII.GetString(timestamp),
            Level = gathered.Level,
            Category = gathered.Category,
            Message = gathered.Message,
            ExecutionArn = gathered.Frame?.Context?.ExecutionArn,
            OperationId = gathered.Frame?.Operation?.Id,
            IsReplay = gathered.IsReplay,
        });
    }

    private static string LineOf(ReadOnlySpan<byte> record)
    {
        if (record.Length == 0 || record[^1] != (byte)'\n')
        {
            throw new ArgumentException("A record must end with a newline.", nameof(record));
        }

        return Encoding.UTF8.GetString(record[..^1]);
    }

    private void Keep(RecordedLine line)
    {
        lock (_lock)
        {
            _lines.Add(line);
        }
    }

    /// <summary>Parses every record as a JSON object (for the JSON format).</summary>
    /// <returns>One element per record, in order.</returns>
    /// <exception cref="JsonException">A record is not valid JSON; the message says which.</exception>
    public IReadOnlyList<JsonElement> JsonRecords()
    {
        var lines = Lines;
        var records = new JsonElement[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                records[i] = document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new JsonException($"Record {i} is not valid JSON: {lines[i]}", exception);
            }
        }

        return records;
    }

    /// <summary>Forgets every record written so far.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _lines.Clear();
        }
    }
}
