using System;
using System.Diagnostics.CodeAnalysis;

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
            if (TryRender(in record, buffer, out var failure))
            {
                WriteToSink(buffer.WrittenSpan, in record);
            }
            else
            {
                WriteOwnFieldsOnly(in record, failure, buffer);
            }
        }
        finally
        {
            RenderBuffer.Return(buffer);
        }
    }

    private bool TryRender(in LogRecord record, RenderBuffer buffer, [NotNullWhen(false)] out Exception? failure)
    {
        try
        {
            Formatter.Render(in record, buffer, MaxRecordBytes);
            failure = null;
            return true;
        }
        catch (Exception exception)
        {
            failure = exception;
            return false;
        }
    }

    /// <summary>A value defeated rendering; that must not cost the line: it is written with the record's own fields only.</summary>
    private void WriteOwnFieldsOnly(in LogRecord record, Exception failure, RenderBuffer buffer)
    {
        var plain = record.WithoutCallerFields(
            $"{record.Message} [record could not be formatted: {failure.GetType().Name}: {ValueText.SafeMessage(failure)}]");
        if (TryRender(in plain, buffer, out var secondFailure))
        {
            WriteToSink(buffer.WrittenSpan, in plain);
        }
        else
        {
            _failures.Failed(secondFailure);
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
