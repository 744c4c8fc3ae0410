using System;

namespace DurableLoggingProvider;

/// <summary>
/// A sink that keeps, besides a record's bytes, what the record is (its level, request id, timestamp…),
/// handed over by <see cref="RecordWriter"/> at write time, so that nothing has to parse a written line
/// back to learn what it was.
/// </summary>
internal interface IRecordKeepingSink : ILogSink
{
    /// <summary>Writes one complete record, rendered from <paramref name="gathered"/> in <paramref name="format"/>.</summary>
    void Write(ReadOnlySpan<byte> record, in LogRecord gathered, DurableLogFormat format);
}
