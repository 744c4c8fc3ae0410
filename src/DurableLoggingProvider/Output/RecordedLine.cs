using System;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// One line a <see cref="RecordingLogSink"/> kept: the line as written and, kept when it was written, what it
/// is, in every format: its level, category, message, timestamp and the invocation it was written in.
/// </summary>
/// <remarks>
/// A line the provider wrote carries every property. A line written to the sink by other code (a direct
/// <see cref="ILogSink.Write(ReadOnlySpan{byte})"/> call) has only <see cref="Line"/> and the ambient
/// invocation's <see cref="RequestId"/> and <see cref="TraceId"/>; the rest is <see langword="null"/>.
/// </remarks>
public sealed class RecordedLine
{
    internal RecordedLine(string line, string? requestId, string? traceId)
    {
        Line = line;
        RequestId = requestId;
        TraceId = traceId;
    }

    /// <summary>The line as written, without its trailing newline.</summary>
    public string Line { get; }

    /// <summary>The format the line was written in; <see langword="null"/> when the provider did not write it.</summary>
    public DurableLogFormat? Format { get; internal init; }

    /// <summary>The record's timestamp.</summary>
    public DateTimeOffset? Timestamp { get; internal init; }

    /// <summary>The timestamp exactly as the line carries it (RFC 3339, UTC, milliseconds: <c>2026-07-22T10:11:12.345Z</c>).</summary>
    public string? TimestampText { get; internal init; }

    /// <summary>The record's level.</summary>
    public LogLevel? Level { get; internal init; }

    /// <summary>The logger's category.</summary>
    public string? Category { get; internal init; }

    /// <summary>The message as written (a masked value already left out).</summary>
    public string? Message { get; internal init; }

    /// <summary>The request id of the invocation the line was written in; <see langword="null"/> outside an invocation.</summary>
    public string? RequestId { get; }

    /// <summary>The trace header of the invocation the line was written in.</summary>
    public string? TraceId { get; }

    /// <summary>The durable execution's ARN, when the line was written in durable code.</summary>
    public string? ExecutionArn { get; internal init; }

    /// <summary>The id of the durable operation whose body wrote the line.</summary>
    public string? OperationId { get; internal init; }

    /// <summary>Whether the line is marked as written while its context replayed (<see cref="ReplayMode.Mark"/>).</summary>
    public bool IsReplay { get; internal init; }

    /// <summary>The line parsed as a JSON object, for assertions on the whole record.</summary>
    /// <exception cref="InvalidOperationException">The line was not written in the JSON format.</exception>
    /// <exception cref="JsonException">The line is not valid JSON.</exception>
    public JsonElement Json()
    {
        if (Format is not DurableLogFormat.Json && (Format is not null || !Line.StartsWith('{')))
        {
            throw new InvalidOperationException($"The line was written in the {Format?.ToString() ?? "unknown"} format, not JSON: {Line}");
        }

        using var document = JsonDocument.Parse(Line);
        return document.RootElement.Clone();
    }

    /// <inheritdoc />
    public override string ToString() => Line;
}
