using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>One invocation the runner made: its request id, how it ended, how long it took, and every line it wrote.</summary>
public sealed class InvocationRecord
{
    private IReadOnlyList<JsonElement>? _records;

    internal InvocationRecord(
        int number, string requestId, InvocationStatus? status, bool crashed, TimeSpan duration, TimeSpan? initDuration, IReadOnlyList<RecordedLine> recordedLines)
    {
        Number = number;
        RequestId = requestId;
        Status = status;
        Crashed = crashed;
        Duration = duration;
        InitDuration = initDuration;
        RecordedLines = recordedLines;
        Lines = recordedLines.Select(line => line.Line).ToList();
    }

    /// <summary>The invocation's number, from 1.</summary>
    public int Number { get; }

    /// <summary>The invocation's request id.</summary>
    public string RequestId { get; }

    /// <summary>The output's status; <see langword="null"/> when the invocation crashed.</summary>
    public InvocationStatus? Status { get; }

    /// <summary>Whether the runner crashed this invocation on purpose.</summary>
    public bool Crashed { get; }

    /// <summary>How long the invocation ran (the <c>Duration</c> of its <c>REPORT</c> line).</summary>
    public TimeSpan Duration { get; }

    /// <summary>
    /// For the runner's first invocation, the cold start: how long the runner took to set up before it (the
    /// <c>Init Duration</c> of its <c>REPORT</c> line); <see langword="null"/> for every other invocation.
    /// </summary>
    public TimeSpan? InitDuration { get; }

    /// <summary>The lines it wrote, as written.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The lines it wrote, parsed (JSON format only; empty for Text: see <see cref="RecordedLines"/> for every format).</summary>
    /// <remarks>Parsed when first read, from the lines the sink kept.</remarks>
    public IReadOnlyList<JsonElement> Records =>
        _records ??= RecordedLines.Where(line => line.Format == DurableLogFormat.Json).Select(line => line.Json()).ToList();

    /// <summary>
    /// The lines it wrote, in any format, each with what it is (level, category, message, timestamp), as the
    /// sink kept them when they were written.
    /// </summary>
    public IReadOnlyList<RecordedLine> RecordedLines { get; }
}
