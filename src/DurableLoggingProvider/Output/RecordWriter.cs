using System;

namespace DurableLoggingProvider;

/// <summary>
/// The one writer of records: renders a gathered record within the size limit into a pooled buffer, and
/// when a value defeats rendering, renders the record again with its own fields only, so the line is not
/// lost; then hands the bytes to the sink, counting and reporting what the sink fails to take. Never
/// throws. Immutable: a configuration reload makes a new writer over the same sink and failure count.
/// </summary>
internal sealed class RecordWriter
{
    private readonly ILogSink _sink;
    private readonly SinkFailureReport _failures;

    public RecordWriter(RecordFormatter formatter, int maxRecordBytes, ILogSink sink, SinkFailureReport failures)
    {
        Formatter = formatter;
        MaxRecordBytes = maxRecordBytes;
        _sink = sink;
        _failures = failures;
    }

    /// <summary>The format records are rendered in.</summary>
    public RecordFormatter Formatter { get; }

    /// <summary>The most bytes one record takes, newline included.</summary>
    public int MaxRecordBytes { get; }

    /// <summary>Renders <paramref name="record"/> and writes it; never throws.</summary>
    public void Write(in LogRecord record)
    {
        var buffer = RenderBuffer.Rent();
        try
        {
            if (Render(in record, buffer))
            {
                WriteToSink(buffer.WrittenSpan);
            }
        }
        finally
        {
            RenderBuffer.Return(buffer);
        }
    }

    private bool Render(in LogRecord record, RenderBuffer buffer)
    {
        try
        {
            Formatter.Render(in record, buffer, MaxRecordBytes);
            return true;
        }
        catch (Exception failure)
        {
            // A value that defeats rendering must not cost the line: write it with the record's own fields only.
            var plain = record.WithoutCallerFields(
                $"{record.Message} [record could not be formatted: {failure.GetType().Name}: {ValueText.SafeMessage(failure)}]");
            try
            {
                Formatter.Render(in plain, buffer, MaxRecordBytes);
                return true;
            }
            catch (Exception secondFailure)
            {
                _failures.Failed(secondFailure);
                return false;
            }
        }
    }

    private void WriteToSink(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _sink.Write(bytes);
            _failures.Recovered();
        }
        catch (Exception failure)
        {
            _failures.Failed(failure);
        }
    }
}
