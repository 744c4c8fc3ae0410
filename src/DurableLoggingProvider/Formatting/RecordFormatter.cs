namespace DurableLoggingProvider;

/// <summary>
/// Turns a record into one line of UTF-8 bytes, newline included. Pure rendering: no I/O. A record
/// that renders larger than the limit is rendered again with tighter <see cref="RecordLimits"/> until
/// it fits, so it is cut, never split or dropped.
/// </summary>
internal abstract class RecordFormatter
{
    protected RecordFormatter(FieldNames names)
    {
        Names = names;
    }

    public FieldNames Names { get; }

    public static RecordFormatter Create(DurableLogFormat format, FieldNames names) =>
        format == DurableLogFormat.Json ? new LambdaJsonFormatter(names) : new LambdaTextFormatter(names);

    /// <summary>Renders the record, and the caller fields gathered in <paramref name="buffer"/>, into at most <paramref name="maxBytes"/> bytes.</summary>
    public void Render(in LogRecord record, RecordBuffer buffer, int maxBytes)
    {
        var limits = RecordLimits.None;
        while (true)
        {
            buffer.Reset();
            Write(in record, buffer, limits);
            if (buffer.WrittenCount <= maxBytes || limits.IsTightest)
            {
                return;
            }

            limits = limits.Tighter(maxBytes, buffer.WrittenCount);
        }
    }

    /// <summary>Writes the whole line, ending with a newline, keeping within <paramref name="limits"/>.</summary>
    protected abstract void Write(in LogRecord record, RecordBuffer buffer, RecordLimits limits);
}
