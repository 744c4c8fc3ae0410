using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// One record as the formatters see it, once gathered: its final message (a masked value already left
/// out), the caller's fields and the durable frame it was written in.
/// </summary>
internal readonly struct LogRecord
{
    public LogRecord(
        DateTimeOffset timestamp,
        LogLevel level,
        string category,
        EventId eventId,
        string message,
        Exception? exception,
        AmbientFrame? frame,
        bool isReplay,
        RecordFields fields)
    {
        Timestamp = timestamp;
        Level = level;
        Category = category;
        EventId = eventId;
        Message = message;
        Exception = exception;
        Frame = frame;
        IsReplay = isReplay;
        Fields = fields;
    }

    public DateTimeOffset Timestamp { get; }

    public LogLevel Level { get; }

    public string Category { get; }

    public EventId EventId { get; }

    public string Message { get; }

    public Exception? Exception { get; }

    /// <summary>The invocation, durable context and operation the record was written in.</summary>
    public AmbientFrame? Frame { get; }

    /// <summary>Whether the record was written while its durable context replayed (written only in <see cref="ReplayMode.Mark"/> mode).</summary>
    public bool IsReplay { get; }

    /// <summary>The caller's fields: template values, scope values and plain scopes, under their final names.</summary>
    public RecordFields Fields { get; }

    /// <summary>The same record with another message and only its own fields: no caller field, no exception.</summary>
    public LogRecord WithoutCallerFields(string message) => new(Timestamp, Level, Category, EventId, message, exception: null, Frame, IsReplay, RecordFields.None);
}
