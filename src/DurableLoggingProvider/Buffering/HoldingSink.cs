using System;

namespace DurableLoggingProvider;

/// <summary>
/// The sink of the writer that renders lines to be held: instead of writing, it hands the rendered line to the
/// buffer the calling thread named. Rendering is synchronous, so a thread-static names the buffer.
/// </summary>
internal sealed class HoldingSink : IRecordKeepingSink
{
#pragma warning disable IDE1006 // Thread-statics are named t_.
    [ThreadStatic]
    private static InvocationBuffer? t_target;
#pragma warning restore IDE1006

    /// <summary>Renders <paramref name="record"/> with <paramref name="writer"/> (whose sink is this) into <paramref name="buffer"/>.</summary>
    public static void Hold(RecordWriter writer, in LogRecord record, InvocationBuffer buffer)
    {
        var previous = t_target;
        t_target = buffer;
        try
        {
            writer.Write(in record);
        }
        finally
        {
            t_target = previous;
        }
    }

    public void Write(ReadOnlySpan<byte> record) =>
        throw new InvalidOperationException("A held line arrived without its record; the holding writer gives both.");

    void IRecordKeepingSink.Write(ReadOnlySpan<byte> record, in LogRecord gathered, DurableLogFormat format) =>
        t_target?.Add(new HeldLine(record, in gathered, format));
}
