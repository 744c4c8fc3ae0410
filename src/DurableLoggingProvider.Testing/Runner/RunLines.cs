using System.Collections.Generic;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// The lines of one run, read from the sink as the run goes: its start-up lines, each invocation's (by the
/// request id the sink kept with each line), and those written during the run without a request id.
/// </summary>
internal sealed class RunLines
{
    private readonly SinkCursor _cursor;
    private readonly List<RecordedLine> _withoutRequestId = [];
    private int _position;

    public RunLines(SinkCursor cursor, IReadOnlyList<RecordedLine> startup, int position)
    {
        _cursor = cursor;
        Startup = startup;
        _position = position;
    }

    /// <summary>The lines without a request id written before the run began.</summary>
    public IReadOnlyList<RecordedLine> Startup { get; }

    /// <summary>The lines written during the run that carry no request id.</summary>
    public IReadOnlyList<RecordedLine> WithoutRequestId => _withoutRequestId;

    /// <summary>Reads what was written since the last invocation ended (between invocations, so outside any).</summary>
    public void StartInvocation() => Take(requestId: null);

    /// <summary>Reads what was written since the invocation began; returns its lines.</summary>
    public IReadOnlyList<RecordedLine> EndInvocation(string requestId) => Take(requestId);

    private List<RecordedLine> Take(string? requestId)
    {
        // The sink may be shared with other executions running at the same time: keep this invocation's
        // lines, by the request id the sink kept with each line when it was written.
        var (lines, end) = _cursor.Read(_position);
        _position = end;
        var invocation = new List<RecordedLine>();
        foreach (var line in lines)
        {
            if (line.RequestId is null)
            {
                _withoutRequestId.Add(line);
            }
            else if (line.RequestId == requestId)
            {
                invocation.Add(line);
            }
        }

        return invocation;
    }
}
