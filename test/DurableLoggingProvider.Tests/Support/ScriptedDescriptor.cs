using System;
using System.Collections.Generic;
using System.IO;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// A descriptor that behaves as a script says, write by write: take so many bytes, take none (a full
/// non-blocking pipe), or fail. Once the script is done, every write takes all it is given. What it took is kept.
/// </summary>
internal sealed class ScriptedDescriptor : IOutputDescriptor
{
    private readonly Queue<Func<int, int>> _steps = new();
    private readonly List<byte> _taken = [];

    /// <summary>How many times the writer waited for room.</summary>
    public int Waits { get; private set; }

    public byte[] Taken => [.. _taken];

    /// <summary>The next write takes at most <paramref name="bytes"/> bytes.</summary>
    public ScriptedDescriptor Takes(int bytes)
    {
        _steps.Enqueue(offered => Math.Min(bytes, offered));
        return this;
    }

    /// <summary>The next <paramref name="times"/> writes take nothing, as a full non-blocking pipe does.</summary>
    public ScriptedDescriptor Full(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _steps.Enqueue(_ => 0);
        }

        return this;
    }

    /// <summary>The next write fails as a broken pipe does.</summary>
    public ScriptedDescriptor Breaks()
    {
        _steps.Enqueue(_ => throw new IOException("write(2) to standard output failed: Broken pipe (errno 32)", 32));
        return this;
    }

    public int Write(ReadOnlySpan<byte> bytes)
    {
        var taken = _steps.TryDequeue(out var step) ? step(bytes.Length) : bytes.Length;
        _taken.AddRange(bytes[..taken]);
        return taken;
    }

    public bool WaitUntilWritable(TimeSpan timeout)
    {
        Waits++;
        return true;
    }
}
