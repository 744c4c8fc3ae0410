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

    public override DurableLogFormat Format => DurableLogFormat.Json;

    protected override void Write(in LogRecord record, RenderBuffer buffer, RecordLimits limits)
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

        CorrelationJson.WriteActivityIds(writer, Correlation, fields);
        DurableFieldsJson.Write(writer, in record, names, limits, buffer);
        CorrelationJson.WritePowertoolsFields(writer, Correlation, in record, limits, buffer);

        writer.WriteString(names.Category, limits.Cut(record.Category, buffer));
        if (record.EventId.Id != 0)
        {
            writer.WriteNumber(names.EventId, record.EventId.Id);
        }

        WriteIfSet(writer, names.EventName, record.EventId.Name, limits, buffer);
        writer.WriteString(names.Message, limits.Cut(record.MessageText, buffer));

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

    private void WriteCallerFields(Utf8JsonWriter writer, RecordFields fields, RecordLimits limits, RenderBuffer buffer)
    {
        var all = fields.All;
        var count = Math.Min(all.Count, limits.MaxItems);
        for (var i = 0; i < count && !limits.IsSpent(writer.BytesCommitted + writer.BytesPending); i++)
        {
            var (name, value) = all[i];
            if (fields.TryGetEncodedTemplateName(i, out var encoded))
            {
                writer.WritePropertyName(encoded);
            }
            else
            {
                writer.WritePropertyName(name);
            }

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

    private void WriteException(Utf8JsonWriter writer, Exception exception, RecordLimits limits, RenderBuffer buffer)
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

    private static void WriteIfSet(Utf8JsonWriter writer, JsonEncodedText name, string? value, RecordLimits limits, RenderBuffer buffer)
    {
        if (value is not null)
        {
            writer.WriteString(name, limits.Cut(value, buffer));
        }
    }
}
