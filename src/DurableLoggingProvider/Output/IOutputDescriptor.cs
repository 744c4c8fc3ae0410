using System;

namespace DurableLoggingProvider;

/// <summary>
/// A file descriptor records are written to, as the kernel sees it: a write may take only part of the
/// bytes, or none when the descriptor is non-blocking and full. The seam under <see cref="DescriptorRecordWriter"/>.
/// </summary>
internal interface IOutputDescriptor
{
    /// <summary>Writes from the start of <paramref name="bytes"/>.</summary>
    /// <returns>How many bytes were taken, at least one; 0 when the descriptor is non-blocking and has no room.</returns>
    /// <exception cref="System.IO.IOException">The write failed (a broken pipe, a closed descriptor); its <c>HResult</c> is the error number.</exception>
    int Write(ReadOnlySpan<byte> bytes);

    /// <summary>Waits until the descriptor has room, at most <paramref name="timeout"/>.</summary>
    /// <returns>Whether it may have room now (a write may still take nothing, and is tried again).</returns>
    bool WaitUntilWritable(TimeSpan timeout);
}
