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
    private readonly IRecordKeepingSink? _keepingSink;
    private readonly SinkFailureReport _failures;

    public RecordWriter(RecordFormatter formatter, int maxRecordBytes, ILogSink sink, SinkFailureReport failures)
    {
        Formatter = formatter;
        MaxRecordBytes = maxRecordBytes;
        _sink = sink;
        _keepingSink = sink as IRecordKeepingSink;
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
            if (Render(in record, buffer, out var rendered))
            {
                WriteToSink(buffer.WrittenSpan, in rendered);
            }
        }
        finally
        {
            RenderBuffer.Return(buffer);
        }
    }

    /// <summary>Renders the record, or the record with its own fields only when a value defeats rendering; <paramref name="rendered"/> is the one written.</summary>
    private bool Render(in LogRecord record, RenderBuffer buffer, out LogRecord rendered)
    {
        rendered = record;
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
                rendered = plain;
                return true;
            }
            catch (Exception secondFailure)
            {
                _failures.Failed(secondFailure);
                return false;
            }
        }
    }

    private void WriteToSink(ReadOnlySpan<byte> bytes, in LogRecord record)
    {
        try
        {
            if (_keepingSink is not null)
            {
                _keepingSink.Write(bytes, in record, Formatter.Format);
            }
            else
            {
                _sink.Write(bytes);
            }

            _failures.Recovered();
        }
        catch (Exception failure)
        {
            _failures.Failed(failure);
        }
    }
}
