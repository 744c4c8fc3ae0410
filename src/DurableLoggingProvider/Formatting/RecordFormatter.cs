using System;

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

    /// <summary>The correlation fields lines carry beside the durable ones; none unless the options ask.</summary>
    public CorrelationFields Correlation { get; init; } = CorrelationFields.None;

    /// <summary>The format this formatter writes.</summary>
    public abstract DurableLogFormat Format { get; }

    /// <summary>A formatter whose lines also carry <paramref name="correlation"/>'s fields.</summary>
    public static RecordFormatter Create(DurableLogFormat format, FieldNames names, CorrelationFields correlation) =>
        format == DurableLogFormat.Json ? new LambdaJsonFormatter(names) { Correlation = correlation } : new LambdaTextFormatter(names) { Correlation = correlation };

    /// <summary>Renders the record, its own and its caller's fields, into at most <paramref name="maxBytes"/> bytes of <paramref name="buffer"/>.</summary>
    public void Render(in LogRecord record, RenderBuffer buffer, int maxBytes)
    {
        if (Fits(in record, buffer, RecordLimits.Untruncated(maxBytes)))
        {
            return;
        }

        RenderTruncated(in record, buffer, maxBytes);
    }

    /// <summary>Writes the whole line, ending with a newline, keeping within <paramref name="limits"/>.</summary>
    protected abstract void Write(in LogRecord record, RenderBuffer buffer, RecordLimits limits);

    private void RenderTruncated(in LogRecord record, RenderBuffer buffer, int maxBytes)
    {
        // Over the limit: the record size grows with the length strings are cut to, so search for the largest
        // length that fits, to within a sixty-fourth, rather than leave most of the allowed space unused.
        var fitting = RecordLimits.SmallestStringLength;
        if (Fits(in record, buffer, RecordLimits.Truncating(maxBytes, fitting)))
        {
            var over = maxBytes;
            var last = fitting;
            while (over - fitting > Math.Max(16, fitting / 64))
            {
                last = fitting + ((over - fitting) / 2);
                if (Fits(in record, buffer, RecordLimits.Truncating(maxBytes, last)))
                {
                    fitting = last;
                }
                else
                {
                    over = last;
                }
            }

            if (last != fitting)
            {
                Fits(in record, buffer, RecordLimits.Truncating(maxBytes, fitting));
            }

            return;
        }

        // Not even the shortest strings fit: only the record's own fields, cut until they do.
        var limits = RecordLimits.OwnFields(maxBytes);
        while (!Fits(in record, buffer, limits) && !limits.IsTightest)
        {
            limits = limits.TighterOwnFields();
        }
    }

    private bool Fits(in LogRecord record, RenderBuffer buffer, RecordLimits limits)
    {
        buffer.Reset();
        Write(in record, buffer, limits);
        return buffer.WrittenCount <= limits.MaxBytes;
    }
}
