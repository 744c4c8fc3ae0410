using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Log buffering per invocation (<c>Logging:Durable:Buffering</c>): lines below <see cref="HoldBelow"/> are held
/// while the invocation runs and written, in order and with their own timestamps, only when a line at or above
/// <see cref="FlushAt"/> is logged in the same invocation or the invocation ends <c>FAILED</c>. They are
/// discarded when it ends <c>SUCCEEDED</c> or <c>PENDING</c>. Off by default.
/// </summary>
/// <remarks>
/// A suspended (<c>PENDING</c>) invocation's held lines are gone: a later invocation of the same execution cannot
/// write them. Lines of replayed code are never held.
/// </remarks>
public sealed class LogBufferingOptions
{
    /// <summary>The default <see cref="MaxBytes"/>: 20 KiB of held lines per invocation.</summary>
    public const int DefaultMaxBytes = 20 * 1024;

    /// <summary>The smallest <see cref="MaxBytes"/> allowed.</summary>
    public const int MinMaxBytes = 1024;

    /// <summary>The largest <see cref="MaxBytes"/> allowed.</summary>
    public const int MaxMaxBytes = 64 * 1024 * 1024;

    /// <summary>Whether lines are held (<c>Enabled</c>). Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>Lines below this level are held (<c>HoldBelow</c>). Default <see cref="LogLevel.Information"/>: Trace and Debug lines.</summary>
    public LogLevel HoldBelow { get; set; } = LogLevel.Information;

    /// <summary>A line at or above this level writes the invocation's held lines before itself (<c>FlushAt</c>). Default <see cref="LogLevel.Error"/>.</summary>
    public LogLevel FlushAt { get; set; } = LogLevel.Error;

    /// <summary>
    /// The most bytes of rendered lines held per invocation (<c>MaxBytes</c>); past it the oldest are evicted, and the
    /// next line written carries <c>bufferEvicted</c>, how many. Default <see cref="DefaultMaxBytes"/>; from
    /// <see cref="MinMaxBytes"/> to <see cref="MaxMaxBytes"/>.
    /// </summary>
    public int MaxBytes { get; set; } = DefaultMaxBytes;
}
