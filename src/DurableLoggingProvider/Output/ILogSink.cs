using System;

namespace DurableLoggingProvider;

/// <summary>
/// Where the provider's records go. A sink only moves bytes: each call hands it one complete record,
/// UTF-8, ending with a newline, and the record must be written (or kept) before the call returns,
/// because Lambda freezes the process as soon as the handler returns.
/// </summary>
/// <remarks>
/// Register one in the service collection to replace standard output:
/// <c>services.AddSingleton&lt;ILogSink&gt;(new RecordingLogSink())</c>. Calls come from many threads at
/// once; an implementation must keep each record whole. An exception thrown by a sink is caught,
/// counted and reported on standard error, never passed to the code that logged.
/// </remarks>
public interface ILogSink
{
    /// <summary>Writes one complete record.</summary>
    /// <param name="record">The record's UTF-8 bytes, ending with <c>\n</c>. Valid only during the call.</param>
    void Write(ReadOnlySpan<byte> record);
}
