using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>One record as the formatters see it, once its message is rendered and its fields gathered.</summary>
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
        bool isReplay)
    {
        Timestamp = timestamp;
        Level = level;
        Category = category;
        EventId = eventId;
        Message = message;
        Exception = exception;
        Frame = frame;
        IsReplay = isReplay;
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

    /// <summary>The same record with another message.</summary>
    public LogRecord WithMessage(string message) => new(Timestamp, Level, Category, EventId, message, Exception, Frame, IsReplay);
}
