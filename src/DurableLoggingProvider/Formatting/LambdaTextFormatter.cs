using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// Lambda's Text format, as the .NET runtime writes it: <c>timestamp&lt;TAB&gt;requestId&lt;TAB&gt;LEVEL&lt;TAB&gt;message</c>,
/// then the durable, category and scope fields as <c>key=value</c>, then the exception; one record on one line.
/// </summary>
internal sealed class LambdaTextFormatter : RecordFormatter
{
    public LambdaTextFormatter(FieldNames names)
        : base(names)
    {
    }

    public override DurableLogFormat Format => DurableLogFormat.Text;

    protected override void Write(in LogRecord record, RenderBuffer buffer, RecordLimits limits)
    {
        var names = Names;
        var fields = record.Fields;

        Rfc3339Timestamp.Format(record.Timestamp, buffer.GetSpan(Rfc3339Timestamp.Length));
        buffer.Advance(Rfc3339Timestamp.Length);
        buffer.Write((byte)'\t');
        if (record.Frame?.Invocation is { } invocation)
        {
            TextLineWriter.WriteColumn(buffer, limits.Cut(invocation.RequestId, buffer));
        }

        buffer.Write((byte)'\t');
        buffer.Write(LambdaLogLevel.Utf8Name(record.Level));
        buffer.Write((byte)'\t');
        TextLineWriter.WriteText(buffer, limits.Cut(record.MessageText, buffer));

        if (record.Frame?.Invocation is { } traced)
        {
            WriteField(buffer, names.TenantId.EncodedUtf8Bytes, traced.TenantId, limits);
            WriteField(buffer, names.TraceId.EncodedUtf8Bytes, traced.TraceId, limits);
        }

        CorrelationText.WriteActivityIds(buffer, Correlation, fields, limits);
        foreach (var field in DurableFields.AfterLambdaFields)
        {
            WriteDurableField(buffer, field, in record, limits);
        }

        CorrelationText.WritePowertoolsFields(buffer, Correlation, in record, limits);

        WriteField(buffer, names.Category.EncodedUtf8Bytes, record.Category, limits);
        if (record.EventId.Id != 0)
        {
            WriteField(buffer, names.EventId.EncodedUtf8Bytes, record.EventId.Id.ToString(CultureInfo.InvariantCulture), limits);
        }

        WriteField(buffer, names.EventName.EncodedUtf8Bytes, record.EventId.Name, limits);
        if (!limits.OwnFieldsOnly)
        {
            WriteScopeFields(buffer, fields, limits);
        }

        if (limits.IsTruncating)
        {
            WriteField(buffer, names.Truncated.EncodedUtf8Bytes, "true", limits);
        }

        if (record.Exception is { } exception)
        {
            // The exception's own newlines become carriage returns: still one line.
            buffer.Write((byte)'\r');
            var lines = buffer.Describe(exception).Lines;
            var count = Math.Min(lines.Count, limits.MaxItems);
            for (var i = 0; i < count && !limits.IsSpent(buffer.WrittenCount); i++)
            {
                if (i > 0)
                {
                    buffer.Write((byte)'\r');
                }

                TextLineWriter.WriteText(buffer, limits.Cut(lines[i], buffer));
            }
        }

        buffer.Write((byte)'\n');
    }

    private void WriteScopeFields(RenderBuffer buffer, RecordFields fields, RecordLimits limits)
    {
        // Template values are already in the message; scope values are not.
        var all = fields.All;
        var end = fields.TemplateCount + Math.Min(all.Count - fields.TemplateCount, limits.MaxItems);
        for (var i = fields.TemplateCount; i < end && !limits.IsSpent(buffer.WrittenCount); i++)
        {
            WriteName(buffer, all[i].Key);
            TextLineWriter.WriteValue(buffer, limits.Cut(ValueText.Of(all[i].Value) ?? "null", buffer));
        }

        var texts = fields.ScopeTexts;
        if (texts.Count > 0)
        {
            buffer.Write((byte)' ');
            buffer.Write(Names.Scopes.EncodedUtf8Bytes);
            buffer.Write((byte)'=');
            var joined = new StringBuilder();
            foreach (var text in texts)
            {
                joined.Append(joined.Length == 0 ? string.Empty : " => ").Append(ValueText.Of(text));
            }

            TextLineWriter.WriteValue(buffer, limits.Cut(joined.ToString(), buffer));
        }
    }

    /// <summary>One durable field, after Lambda's own, in the fields' one order.</summary>
    private void WriteDurableField(RenderBuffer buffer, DurableField field, in LogRecord record, RecordLimits limits)
    {
        var value = DurableFields.Read(field, record.Frame, record.IsReplay);
        if (!value.IsPresent)
        {
            return;
        }

        var name = Names.Durable(field);
        var text = value.Text ?? (value.Number is { } number ? number.ToString(CultureInfo.InvariantCulture) : "true");
        if (DurableFields.YieldsToCallerValue(field))
        {
            WriteContextField(buffer, name, text, record.Fields, limits);
        }
        else
        {
            WriteField(buffer, name.EncodedUtf8Bytes, text, limits);
        }
    }

    /// <summary>
    /// A field of the record's context (a durable or correlation field), unless it has no value; a caller's
    /// value of the same name takes its place.
    /// </summary>
    internal static void WriteContextField(RenderBuffer buffer, JsonEncodedText name, string? value, RecordFields fields, RecordLimits limits)
    {
        if (value is null)
        {
            return;
        }

        if (!fields.HasCallerField(name))
        {
            WriteField(buffer, name.EncodedUtf8Bytes, value, limits);
        }
        else if (fields.TryGetTemplateValue(name, out var callerValue))
        {
            // The caller's value wins, as in JSON; a template value is otherwise only in the message
            // here, so it takes the context field's place rather than leave the field out.
            WriteField(buffer, name.EncodedUtf8Bytes, ValueText.Of(callerValue) ?? "null", limits);
        }
    }

    private static void WriteField(RenderBuffer buffer, ReadOnlySpan<byte> name, string? value, RecordLimits limits)
    {
        if (value is null)
        {
            return;
        }

        buffer.Write((byte)' ');
        buffer.Write(name);
        buffer.Write((byte)'=');
        TextLineWriter.WriteValue(buffer, limits.Cut(value, buffer));
    }

    private static void WriteName(RenderBuffer buffer, string name)
    {
        buffer.Write((byte)' ');
        TextLineWriter.WriteKey(buffer, name);
        buffer.Write((byte)'=');
    }
}
