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

    /// <summary>The default <see cref="RedactionMask"/>.</summary>
    public const string DefaultRedactionMask = "[REDACTED]";

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

    /// <summary>
    /// Names of template and scope values that are never written (<c>RedactedFields</c>, a configuration
    /// array): wherever a value of one of these names appears, in JSON or Text, its value is replaced by
    /// <see cref="RedactionMask"/> before anything formats it (its <c>ToString</c> is not called), and a
    /// message whose template holds it is rendered with the mask. Names match case-insensitively, and
    /// <c>{@Password}</c> matches <c>Password</c>. Only names are matched: a secret inside a message's
    /// text, an exception, a plain scope, or a value of another name is written as it is. Default: none.
    /// </summary>
    /// <example><c>options.RedactedFields.Add("password");</c></example>
    public IList<string> RedactedFields { get; } = new List<string>();

    /// <summary>What is written in place of a redacted value (<c>RedactionMask</c>). Default <see cref="DefaultRedactionMask"/>.</summary>
    public string RedactionMask { get; set; } = DefaultRedactionMask;

    /// <summary>
    /// Other providers the replay gate leaves alone (<c>UngatedProviders</c>, a configuration array or one
    /// comma-separated value), each named by its alias (<c>Console</c>) or its full type name
    /// (<c>Serilog.Extensions.Logging.SerilogLoggerProvider</c>), ignoring case. By default every other
    /// registered provider is gated: it writes a line only when the durable provider would, with the durable
    /// fields as a scope. A provider named here writes every line, replayed or not, with no durable fields, and
    /// the logger factory filters it itself. Read when the logger factory is built: a change takes a restart.
    /// </summary>
    /// <example><c>options.UngatedProviders.Add("Console");</c></example>
    public IList<string> UngatedProviders { get; } = new List<string>();

    /// <summary>Log buffering per invocation (<c>Buffering</c>). Off by default.</summary>
    public LogBufferingOptions Buffering { get; } = new();

    /// <summary>Debug sampling per durable execution (<c>Sampling</c>). Off by default.</summary>
    public ExecutionSamplingOptions Sampling { get; } = new();

    /// <summary>
    /// Whether each line carries the W3C trace and span ids of <c>Activity.Current</c> (<c>IncludeActivityIds</c>), when
    /// there is one, as <c>otelTraceId</c> and <c>otelSpanId</c> (named as <see cref="FieldNaming"/> says). The span is
    /// the one OpenTelemetry, ASP.NET Core or <c>HttpClient</c> tracks for the running code; without an activity the
    /// line is unchanged. The X-Ray trace of the invocation is written as <c>traceId</c> either way. Default
    /// <see langword="true"/>.
    /// </summary>
    public bool IncludeActivityIds { get; set; } = true;

    /// <summary>
    /// Whether each line carries the fields Powertools for AWS Lambda writes (<c>PowertoolsFields</c>): <c>service</c>,
    /// <c>coldStart</c>, <c>functionName</c>, <c>functionVersion</c>, <c>functionMemorySize</c> and <c>functionArn</c>,
    /// named as <see cref="FieldNaming"/> says (<see cref="FieldNaming.SnakeCase"/> gives Powertools' own default names,
    /// <c>cold_start</c>, <c>function_name</c>…), so queries written for Powertools' lines find ours. Default <see langword="false"/>.
    /// </summary>
    public bool PowertoolsFields { get; set; }

    /// <summary>
    /// The <c>service</c> field's value with <see cref="PowertoolsFields"/> (<c>Service</c>). When <see langword="null"/>, the
    /// <c>POWERTOOLS_SERVICE_NAME</c> environment variable's value, else <c>service_undefined</c>, as Powertools does.
    /// Default <see langword="null"/>.
    /// </summary>
    public string? Service { get; set; }

    /// <summary>Values the configuration held that no property can take, each naming its key; reported at start-up.</summary>
    internal List<string> BindingProblems { get; } = [];
}
