using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// The lines one provider holds for one invocation, oldest first, within a byte budget: past it the oldest are
/// evicted and counted, and the count goes on the next line written. Written in order when a line at the flush
/// level is logged or the invocation ends <c>FAILED</c>; dropped when it ends otherwise. Once ended it holds nothing.
/// </summary>
internal sealed class InvocationBuffer
{
    private readonly object _lock = new();
    private readonly Queue<HeldLine> _lines = new();
    private readonly InvocationBuffers _owner;
    private readonly int _maxBytes;
    private long _bytes;
    private int _evicted;
    private bool _ended;

    public InvocationBuffer(InvocationBuffers owner, int maxBytes)
    {
        _owner = owner;
        _maxBytes = maxBytes;
    }

    public void Add(HeldLine line)
    {
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            if (line.Bytes.Length > _maxBytes)
            {
                _evicted++;
                return;
            }

            _lines.Enqueue(line);
            _bytes += line.Bytes.Length;
            while (_bytes > _maxBytes)
            {
                _bytes -= _lines.Dequeue().Bytes.Length;
                _evicted++;
            }
        }
    }

    /// <summary>
    /// Writes a line that is not held: with the count of lines evicted since the last report as a field, and, when
    /// <paramref name="flush"/>, after every held line, all under one lock so that nothing else of the invocation
    /// comes between.
    /// </summary>
    public void WriteThrough(in LogRecord record, RecordWriter writer, bool flush, string evictedField)
    {
        lock (_lock)
        {
            if (_evicted > 0)
            {
                record.Fields.AddProviderField(evictedField, _evicted);
                _evicted = 0;
            }

            if (flush)
            {
                WriteHeldLines();
            }

            writer.Write(in record);
        }
    }

    /// <summary>The invocation ended: its held lines are written when it failed, else dropped. Only the first report counts.</summary>
    public void End(InvocationOutcome outcome)
    {
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            if (outcome == InvocationOutcome.Failed)
            {
                Flush();
            }
            else
            {
                _lines.Clear();
                _bytes = 0;
                _evicted = 0;
            }
        }
    }

    /// <summary>The provider is being disposed: what is held is written now, since nothing could write it later.</summary>
    public void EndByDisposal() => End(InvocationOutcome.Failed);

    private void Flush()
    {
        var frame = _lines.Count > 0 ? _lines.Peek().Frame : null;
        WriteHeldLines();
        if (_evicted > 0)
        {
            _owner.WriteEvictionNote(_evicted, frame);
            _evicted = 0;
        }
    }

    private void WriteHeldLines()
    {
        while (_lines.TryDequeue(out var line))
        {
            _owner.WriteHeld(line);
        }

        _bytes = 0;
    }
}
