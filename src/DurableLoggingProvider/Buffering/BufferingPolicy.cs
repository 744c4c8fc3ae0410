using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Buffering as the hot path applies it, resolved from the options at each (re)load: which lines are held, which
/// flush, and the writer that renders a held line (with the provider's formatter) into its invocation's buffer.
/// </summary>
internal sealed class BufferingPolicy
{
    private readonly InvocationBuffers _buffers;
    private readonly RecordWriter _holdingWriter;
    private readonly LogLevel _holdBelow;
    private readonly LogLevel _flushAt;
    private readonly int _maxBytes;

    private BufferingPolicy(LogBufferingOptions options, FieldNaming naming, InvocationBuffers buffers, RecordWriter writer, SinkFailureReport failures)
    {
        _buffers = buffers;
        _holdBelow = options.HoldBelow;
        _flushAt = options.FlushAt;
        _maxBytes = options.MaxBytes;
        EvictedField = ProviderMarks.BufferEvicted(naming);
        _holdingWriter = new RecordWriter(writer.Formatter, writer.MaxRecordBytes, new HoldingSink(), failures);
    }

    /// <summary>Whether lines of this level are held: sampling then leaves an unsampled execution's lines to buffering instead of dropping them.</summary>
    public bool Holds(LogLevel level) => level < _holdBelow;

    /// <summary>The name of the field that carries how many held lines were evicted.</summary>
    public string EvictedField { get; }

    /// <summary>The policy for these options, or <see langword="null"/> when buffering is off.</summary>
    public static BufferingPolicy? From(DurableLoggerOptions options, InvocationBuffers? buffers, RecordWriter writer, SinkFailureReport failures) =>
        options.Buffering.Enabled && buffers is not null ? new BufferingPolicy(options.Buffering, options.FieldNaming, buffers, writer, failures) : null;

    /// <summary>
    /// Holds, writes or flushes one gathered record. A line below the hold level is held for its invocation; one of
    /// replayed code is not held (nor written); a line of a sampled execution, or written outside an invocation, is
    /// written as it comes. A line at or above the flush level writes the invocation's held lines before itself.
    /// </summary>
    public void Write(in LogRecord record, bool sampled, RecordWriter writer)
    {
        var invocation = record.Frame?.Invocation;
        if (invocation is null || sampled || _buffers.IsStopped)
        {
            writer.Write(in record);
            return;
        }

        if (Holds(record.Level))
        {
            if (record.Frame?.Context is { IsReplaying: true })
            {
                return;
            }

            HoldingSink.Hold(_holdingWriter, in record, _buffers.For(invocation, _maxBytes));
            return;
        }

        if (_buffers.Find(invocation) is { } buffer)
        {
            buffer.WriteThrough(in record, writer, flush: record.Level >= _flushAt, EvictedField);
        }
        else
        {
            writer.Write(in record);
        }
    }
}
