using System.Collections.Generic;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// How far the runner has read its sink: each run takes the lines written since the last one as its
/// start-up lines, and reads on from there.
/// </summary>
internal sealed class SinkCursor
{
    private readonly object _lock = new();
    private readonly RecordingLogSink _sink;
    private int _read;

    public SinkCursor(RecordingLogSink sink) => _sink = sink;

    /// <summary>
    /// Begins a run: the lines without a request id written since the runner's last run (for the first,
    /// since the sink was made) are its start-up lines.
    /// </summary>
    public RunLines StartRun()
    {
        lock (_lock)
        {
            var (lines, end) = Since(_read);
            _read = end;
            var startup = lines.FindAll(line => line.RequestId is null);
            return new RunLines(this, startup, end);
        }
    }

    /// <summary>The lines written from <paramref name="position"/> on, and the position after them.</summary>
    public (List<RecordedLine> Lines, int End) Read(int position)
    {
        lock (_lock)
        {
            var (lines, end) = Since(position);
            if (end > _read)
            {
                _read = end;
            }

            return (lines, end);
        }
    }

    private (List<RecordedLine> Lines, int End) Since(int position)
    {
        var all = _sink.RecordedLines;

        // A sink cleared since (RecordingLogSink.Clear) starts again from its first line.
        var from = position <= all.Count ? position : 0;
        var lines = new List<RecordedLine>(all.Count - from);
        for (var i = from; i < all.Count; i++)
        {
            lines.Add(all[i]);
        }

        return (lines, all.Count);
    }
}
