using System;
using System.Globalization;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// Writes a Text line's correlation fields (<see cref="CorrelationFields"/>) as <c>key=value</c>: the activity's
/// ids after Lambda's <c>traceId</c>, the Powertools fields after the durable ones. A caller's value of the same
/// name takes a field's place, as in JSON.
/// </summary>
internal static class CorrelationText
{
    public static void WriteActivityIds(RenderBuffer buffer, CorrelationFields correlation, RecordFields fields, RecordLimits limits)
    {
        if (!correlation.ActivityIds)
        {
            return;
        }

        var ids = ActivityIds.Current();
        if (ids.IsPresent)
        {
            Write(buffer, correlation.ActivityTraceId, ids.TraceId, fields, limits);
            Write(buffer, correlation.ActivitySpanId, ids.SpanId, fields, limits);
        }
    }

    public static void WritePowertoolsFields(RenderBuffer buffer, CorrelationFields correlation, in LogRecord record, RecordLimits limits)
    {
        if (!correlation.Powertools)
        {
            return;
        }

        var fields = record.Fields;
        var invocation = record.Frame?.Invocation;
        var function = CorrelationFields.FunctionOf(record.Frame);
        Write(buffer, correlation.ServiceName, correlation.Service, fields, limits);
        if (invocation is not null)
        {
            Write(buffer, correlation.ColdStart, invocation.IsColdStart ? "true" : "false", fields, limits);
        }

        Write(buffer, correlation.FunctionName, function.FunctionName, fields, limits);
        Write(buffer, correlation.FunctionVersion, function.FunctionVersion, fields, limits);
        if (function.MemorySizeMB is { } memory && !fields.HasCallerField(correlation.FunctionMemorySize))
        {
            Span<char> digits = stackalloc char[11];
            memory.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
            WriteName(buffer, correlation.FunctionMemorySize);
            TextLineWriter.WriteValue(buffer, digits[..length]);
        }
        else
        {
            Write(buffer, correlation.FunctionMemorySize, function.MemorySizeMB?.ToString(CultureInfo.InvariantCulture), fields, limits);
        }
        Write(buffer, correlation.FunctionArn, invocation?.FunctionArn, fields, limits);
    }

    private static void Write(RenderBuffer buffer, JsonEncodedText name, string? value, RecordFields fields, RecordLimits limits)
    {
        if (value is null)
        {
            return;
        }

        if (fields.HasCallerField(name))
        {
            // A template value is otherwise only in the message here, so it takes the field's place; a scope value is written with the scopes.
            if (!fields.TryGetTemplateValue(name, out var callerValue))
            {
                return;
            }

            value = ValueText.Of(callerValue) ?? "null";
        }

        WriteName(buffer, name);
        TextLineWriter.WriteValue(buffer, limits.Cut(value, buffer));
    }

    private static void WriteName(RenderBuffer buffer, JsonEncodedText name)
    {
        buffer.Write((byte)' ');
        buffer.Write(name.EncodedUtf8Bytes);
        buffer.Write((byte)'=');
    }
}
