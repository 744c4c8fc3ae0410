using System;
using System.Collections.Generic;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>A sink that keeps each record's bytes exactly as the provider handed them over, newline included.</summary>
internal sealed class ByteRecordSink : ILogSink
{
    private readonly object _lock = new();
    private readonly List<byte[]> _records = [];

    public IReadOnlyList<byte[]> Records
    {
        get
        {
            lock (_lock)
            {
                return _records.ToArray();
            }
        }
    }

    public void Write(ReadOnlySpan<byte> record)
    {
        var copy = record.ToArray();
        lock (_lock)
        {
            _records.Add(copy);
        }
    }
}
