using System;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// Lambda's JSON format: one object per line, in the order of Lambda's own records (timestamp, level,
/// request id, tenant, trace), then the durable fields, category, event id, message, the caller's
/// typed values, plain scopes and the error fields.
/// </summary>
internal sealed class LambdaJsonFormatter : RecordFormatter
{
    public LambdaJsonFormatter(FieldNames names)
        : base(names)
    {
    }

    protected override void Write(in LogRecord record, RecordBuffer buffer, RecordLimits limits)
    {
        var names = Names;
        var fields = record.Fields;
        var writer = buffer.StartJson();
        writer.WriteStartObject();

        Span<byte> timestamp = stackalloc byte[Rfc3339Timestamp.Length];
        Rfc3339Timestamp.Format(record.Timestamp, timestamp);
        writer.WriteString(names.Timestamp, timestamp);
        writer.WriteString(names.Level, LambdaLogLevel.Utf8Name(record.Level));

        if (record.Frame?.Invocation is { } invocation)
        {
            writer.WriteString(names.RequestId, limits.Cut(invocation.RequestId, buffer));
            WriteIfSet(writer, names.TenantId, invocation.TenantId, limits, buffer);
            WriteIfSet(writer, names.TraceId, invocation.TraceId, limits, buffer);
        }

        WriteDurableFields(writer, record.Frame, fields, limits, buffer);
        if (record.IsReplay)
        {
            writer.WriteBoolean(names.Replay, true);
        }

        writer.WriteString(names.Category, limits.Cut(record.Category, buffer));
        if (record.EventId.Id != 0)
        {
            writer.WriteNumber(names.EventId, record.EventId.Id);
        }

        WriteIfSet(writer, names.EventName, record.EventId.Name, limits, buffer);
        writer.WriteString(names.Message, limits.Cut(record.Message, buffer));

        if (!limits.OwnFieldsOnly)
        {
            WriteCallerFields(writer, fields, limits, buffer);
        }

        if (record.Exception is { } exception)
        {
            WriteException(writer, exception, limits, buffer);
        }

        if (limits.IsTruncating)
        {
            writer.WriteBoolean(names.Truncated, true);
        }

        writer.WriteEndObject();
        writer.Flush();
        buffer.Write((byte)'\n');
    }

    private void WriteDurableFields(Utf8JsonWriter writer, AmbientFrame? frame, RecordFields fields, RecordLimits limits, RecordBuffer buffer)
    {
        var names = Names;
        if (frame?.Context is { } context)
        {
            WriteContextField(writer, names.ExecutionArn, context.ExecutionArn, fields, limits, buffer);
            WriteContextField(writer, names.ParentId, context.ParentId, fields, limits, buffer);
        }

        if (frame?.Operation is { } operation)
        {
            WriteContextField(writer, names.OperationId, operation.Id, fields, limits, buffer);
            WriteContextField(writer, names.OperationName, operation.Name, fields, limits, buffer);
            if (operation.Attempt is { } attempt && !fields.HasCallerField(names.Attempt))
            {
                writer.WriteNumber(names.Attempt, attempt);
            }
        }
    }

    private void WriteCallerFields(Utf8JsonWriter writer, RecordFields fields, RecordLimits limits, RecordBuffer buffer)
    {
        var all = fields.All;
        var count = Math.Min(all.Count, limits.MaxItems);
        for (var i = 0; i < count && !limits.IsSpent(writer.BytesCommitted + writer.BytesPending); i++)
        {
            var (name, value) = all[i];
            writer.WritePropertyName(name);
            JsonValueWriter.Write(writer, value, limits, buffer);
        }

        var texts = fields.ScopeTexts;
        if (texts.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(Names.Scopes);
        var scopeCount = Math.Min(texts.Count, limits.MaxItems);
        for (var i = 0; i < scopeCount && !limits.IsSpent(writer.BytesCommitted + writer.BytesPending); i++)
        {
            var text = ValueText.Of(texts[i]) ?? "null";
            writer.WriteStringValue(limits.Cut(text, buffer));
        }

        writer.WriteEndArray();
    }

    private void WriteException(Utf8JsonWriter writer, Exception exception, RecordLimits limits, RecordBuffer buffer)
    {
        var names = Names;
        var details = buffer.Describe(exception);
        writer.WriteString(names.ErrorType, limits.Cut(details.Type, buffer));
        writer.WriteString(names.ErrorMessage, limits.Cut(details.Message, buffer));
        writer.WriteStartArray(names.StackTrace);
        var lines = details.Lines;
        var count = Math.Min(lines.Count, limits.MaxItems);
        for (var i = 0; i < count && !limits.IsSpent(writer.BytesCommitted + writer.BytesPending); i++)
        {
            writer.WriteStringValue(limits.Cut(lines[i], buffer));
        }

        writer.WriteEndArray();
    }

    private static void WriteContextField(Utf8JsonWriter writer, JsonEncodedText name, string? value, RecordFields fields, RecordLimits limits, RecordBuffer buffer)
    {
        if (value is not null && !fields.HasCallerField(name))
        {
            writer.WriteString(name, limits.Cut(value, buffer));
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, JsonEncodedText name, string? value, RecordLimits limits, RecordBuffer buffer)
    {
        if (value is not null)
        {
            writer.WriteString(name, limits.Cut(value, buffer));
        }
    }
}
