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
            LambdaTextFormatter.WriteContextField(buffer, correlation.ActivityTraceId, ids.TraceId, fields, limits);
            LambdaTextFormatter.WriteContextField(buffer, correlation.ActivitySpanId, ids.SpanId, fields, limits);
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
        LambdaTextFormatter.WriteContextField(buffer, correlation.ServiceName, correlation.Service, fields, limits);
        if (invocation is not null)
        {
            LambdaTextFormatter.WriteContextField(buffer, correlation.ColdStart, invocation.IsColdStart ? "true" : "false", fields, limits);
        }

        LambdaTextFormatter.WriteContextField(buffer, correlation.FunctionName, function.FunctionName, fields, limits);
        LambdaTextFormatter.WriteContextField(buffer, correlation.FunctionVersion, function.FunctionVersion, fields, limits);
        if (function.MemorySizeMB is { } memory && !fields.HasCallerField(correlation.FunctionMemorySize))
        {
            Span<char> digits = stackalloc char[11];
            memory.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
            WriteName(buffer, correlation.FunctionMemorySize);
            TextLineWriter.WriteValue(buffer, digits[..length]);
        }
        else
        {
            LambdaTextFormatter.WriteContextField(buffer, correlation.FunctionMemorySize, function.MemorySizeMB?.ToString(CultureInfo.InvariantCulture), fields, limits);
        }
        LambdaTextFormatter.WriteContextField(buffer, correlation.FunctionArn, invocation?.FunctionArn, fields, limits);
    }

    private static void WriteName(RenderBuffer buffer, JsonEncodedText name)
    {
        buffer.Write((byte)' ');
        buffer.Write(name.EncodedUtf8Bytes);
        buffer.Write((byte)'=');
    }
}
