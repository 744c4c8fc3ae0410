using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// One record as the formatters see it, once gathered: its final message (a masked value already left
/// out), the caller's fields and the durable frame it was written in. The message is a string given here
/// or, when <see langword="null"/> is given, the one settled in <see cref="RecordFields.Message"/>.
/// </summary>
internal readonly struct LogRecord
{
    private readonly string? _message;

    public LogRecord(
        DateTimeOffset timestamp,
        LogLevel level,
        string category,
        EventId eventId,
        string? message,
        Exception? exception,
        AmbientFrame? frame,
        bool isReplay,
        RecordFields fields)
    {
        Timestamp = timestamp;
        Level = level;
        Category = category;
        EventId = eventId;
        _message = message;
        Exception = exception;
        Frame = frame;
        IsReplay = isReplay;
        Fields = fields;
    }

    public DateTimeOffset Timestamp { get; }

    public LogLevel Level { get; }

    public string Category { get; }

    public EventId EventId { get; }

    /// <summary>
    /// The message as a string: the one given, or the one gathered into <see cref="Fields"/>, made into a
    /// string only when asked for. Formatters read <see cref="MessageText"/>.
    /// </summary>
    public string Message => _message ?? Fields.Message.ToString();

    /// <summary>The message's characters, without making a string of them.</summary>
    public ReadOnlySpan<char> MessageText => _message is not null ? _message.AsSpan() : Fields.Message.Chars;

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
