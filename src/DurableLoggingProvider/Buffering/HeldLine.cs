using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// One line held for its invocation: its bytes as rendered when it was logged (its timestamp and values then), and
/// what it is, for a sink that keeps records.
/// </summary>
internal sealed class HeldLine
{
    private readonly DateTimeOffset _timestamp;
    private readonly LogLevel _level;
    private readonly string _category;
    private readonly EventId _eventId;
    private readonly string _message;
    private readonly AmbientFrame? _frame;
    private readonly bool _isReplay;

    public HeldLine(ReadOnlySpan<byte> bytes, in LogRecord record, DurableLogFormat format)
    {
        Bytes = bytes.ToArray();
        Format = format;
        _timestamp = record.Timestamp;
        _level = record.Level;
        _category = record.Category;
        _eventId = record.EventId;
        _message = record.Message;
        _frame = record.Frame;
        _isReplay = record.IsReplay;
    }

    public byte[] Bytes { get; }

    public DurableLogFormat Format { get; }

    public AmbientFrame? Frame => _frame;

    /// <summary>The record as a keeping sink is told it: its own fields, the message as written.</summary>
    public LogRecord ToRecord() => new(_timestamp, _level, _category, _eventId, _message, exception: null, _frame, _isReplay, RecordFields.None);
}
