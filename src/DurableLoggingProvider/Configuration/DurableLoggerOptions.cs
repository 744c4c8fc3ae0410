using System.Collections.Generic;

namespace DurableLoggingProvider;

/// <summary>
/// Settings of the durable logging provider, bound from the <c>Logging:Durable</c> configuration section.
/// Level rules are not here: they live in <c>Logging:LogLevel</c> and <c>Logging:Durable:LogLevel</c>
/// as for any provider.
/// </summary>
public sealed class DurableLoggerOptions
{
    /// <summary>The largest record CloudWatch Logs stores as one event: 256 KiB less its 26 bytes of per-event overhead.</summary>
    public const int DefaultMaxRecordBytes = (256 * 1024) - 26;

    /// <summary>The smallest <see cref="MaxRecordBytes"/> allowed: room for the record's own fields.</summary>
    public const int MinMaxRecordBytes = 4 * 1024;

    /// <summary>The largest <see cref="MaxRecordBytes"/> allowed.</summary>
    public const int MaxMaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>The line format (<c>Format</c>). Default <see cref="DurableLogFormat.Auto"/>.</summary>
    public DurableLogFormat Format { get; set; } = DurableLogFormat.Auto;

    /// <summary>What happens to lines written while a durable context replays (<c>ReplayMode</c>). Default <see cref="DurableLoggingProvider.ReplayMode.Suppress"/>.</summary>
    public ReplayMode ReplayMode { get; set; } = ReplayMode.Suppress;

    /// <summary>How the provider's own fields are named (<c>FieldNaming</c>). Default <see cref="DurableLoggingProvider.FieldNaming.CamelCase"/>.</summary>
    public FieldNaming FieldNaming { get; set; } = FieldNaming.CamelCase;

    /// <summary>Whether values of <c>BeginScope</c> scopes are written on each line (<c>IncludeScopes</c>). Default <see langword="true"/>.</summary>
    public bool IncludeScopes { get; set; } = true;

    /// <summary>
    /// The largest record, in UTF-8 bytes with its newline (<c>MaxRecordBytes</c>). A larger record is cut
    /// to fit and marked <c>"truncated": true</c>; it is never split or dropped. Default
    /// <see cref="DefaultMaxRecordBytes"/>; from <see cref="MinMaxRecordBytes"/> to <see cref="MaxMaxRecordBytes"/>.
    /// </summary>
    public int MaxRecordBytes { get; set; } = DefaultMaxRecordBytes;

    /// <summary>Values the configuration held that no property can take, each naming its key; reported at start-up.</summary>
    internal List<string> BindingProblems { get; } = [];
}
