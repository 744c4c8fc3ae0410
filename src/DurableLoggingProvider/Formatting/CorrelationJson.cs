using System;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// Writes a JSON line's correlation fields (<see cref="CorrelationFields"/>): the activity's ids after Lambda's
/// <c>traceId</c>, the Powertools fields after the durable ones. Like the durable context fields, each gives way
/// to a caller's value of the same name, which the line carries instead.
/// </summary>
internal static class CorrelationJson
{
    public static void WriteActivityIds(Utf8JsonWriter writer, CorrelationFields correlation, RecordFields fields)
    {
        if (!correlation.ActivityIds)
        {
            return;
        }

        var ids = ActivityIds.Current();
        if (!ids.IsPresent)
        {
            return;
        }

        WriteText(writer, correlation.ActivityTraceId, ids.TraceId, fields);
        WriteText(writer, correlation.ActivitySpanId, ids.SpanId, fields);
    }

    public static void WritePowertoolsFields(Utf8JsonWriter writer, CorrelationFields correlation, in LogRecord record, RecordLimits limits, RenderBuffer buffer)
    {
        if (!correlation.Powertools)
        {
            return;
        }

        var fields = record.Fields;
        var invocation = record.Frame?.Invocation;
        var function = CorrelationFields.FunctionOf(record.Frame);
        WriteText(writer, correlation.ServiceName, limits.Cut(correlation.Service, buffer), fields);
        if (invocation is not null && !fields.HasCallerField(correlation.ColdStart))
        {
            writer.WriteBoolean(correlation.ColdStart, invocation.IsColdStart);
        }

        if (function.FunctionName is { } name)
        {
            WriteText(writer, correlation.FunctionName, limits.Cut(name, buffer), fields);
        }

        if (function.FunctionVersion is { } version)
        {
            WriteText(writer, correlation.FunctionVersion, limits.Cut(version, buffer), fields);
        }

        if (function.MemorySizeMB is { } memory && !fields.HasCallerField(correlation.FunctionMemorySize))
        {
            writer.WriteNumber(correlation.FunctionMemorySize, memory);
        }

        if (invocation?.FunctionArn is { } arn)
        {
            WriteText(writer, correlation.FunctionArn, limits.Cut(arn, buffer), fields);
        }
    }

    private static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlySpan<char> value, RecordFields fields)
    {
        if (!fields.HasCallerField(name))
        {
            writer.WriteString(name, value);
        }
    }
}
