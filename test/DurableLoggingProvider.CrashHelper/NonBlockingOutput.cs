using System;
using System.Runtime.InteropServices;

namespace DurableLoggingProvider.CrashHelper;

/// <summary>Sets <c>O_NONBLOCK</c> on standard output (Linux), as some process managers leave it.</summary>
internal static partial class NonBlockingOutput
{
    private const int GetFlags = 3;
    private const int SetFlags = 4;
    private const int NonBlockLinux = 0x800;

    public static void Set()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("O_NONBLOCK is set with Linux's value of the flag.");
        }

        var flags = Fcntl(1, GetFlags, 0);
        if (flags < 0 || Fcntl(1, SetFlags, flags | NonBlockLinux) < 0)
        {
            throw new InvalidOperationException($"fcntl on standard output failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Whether <c>O_NONBLOCK</c> is set on standard output.</summary>
    public static bool IsSet() => (Fcntl(1, GetFlags, 0) & NonBlockLinux) != 0;

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int descriptor, int command, int argument);
}
