using System;
using System.IO;
using System.Runtime.InteropServices;

namespace DurableLoggingProvider;

/// <summary>
/// Standard output (descriptor 1) on Linux and macOS, written with <c>write(2)</c> itself, so that the
/// writer knows how many bytes of a record each call took: a pipe takes a large record in parts, and a
/// non-blocking descriptor (<c>O_NONBLOCK</c>) takes what it has room for and then fails with
/// <c>EAGAIN</c>. A broken pipe (<c>EPIPE</c>; the runtime ignores <c>SIGPIPE</c>) fails as an
/// <see cref="IOException"/>. Writing to the descriptor itself also honours an offset shared with
/// another descriptor (<c>2&gt;&amp;1</c> into a file).
/// </summary>
internal sealed partial class UnixStandardOutput : IOutputDescriptor
{
    private const int Descriptor = 1;
    private const int Interrupted = 4;
    private const int WouldBlockLinux = 11;
    private const int WouldBlockBsd = 35;
    private const short PollOut = 4;

    public static bool IsAvailable => !OperatingSystem.IsWindows() && !OperatingSystem.IsBrowser() && !OperatingSystem.IsWasi();

    public unsafe int Write(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            while (true)
            {
                var taken = NativeWrite(Descriptor, start, bytes.Length);
                if (taken >= 0)
                {
                    return (int)taken;
                }

                var error = Marshal.GetLastPInvokeError();
                if (error is WouldBlockLinux or WouldBlockBsd)
                {
                    return 0;
                }

                if (error != Interrupted)
                {
                    throw new IOException($"write(2) to standard output failed: {Marshal.GetPInvokeErrorMessage(error)} (errno {error})", error);
                }
            }
        }
    }

    public unsafe bool WaitUntilWritable(TimeSpan timeout)
    {
        var descriptor = new PollDescriptor { Descriptor = Descriptor, Events = PollOut };
        var ready = NativePoll(&descriptor, 1, (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue));

        // An interrupted or failed poll is not a verdict: the next write says what the descriptor can do.
        return ready != 0;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint NativeWrite(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int NativePoll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}
