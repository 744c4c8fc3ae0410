using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The provider's settings as the hot path reads them, resolved once from the options and the Lambda
/// environment. Immutable: a configuration reload swaps in a new instance.
/// </summary>
internal sealed class LoggerSettings
{
    public LoggerSettings(DurableLoggerOptions options)
    {
        Format = options.Format == DurableLogFormat.Auto ? LambdaEnvironment.LogFormat() : options.Format;
        Formatter = RecordFormatter.Create(Format, FieldNames.For(options.FieldNaming, FieldRedaction.From(options.RedactedFields, options.RedactionMask)));
        ReplayMode = options.ReplayMode;
        IncludeScopes = options.IncludeScopes;
        MaxRecordBytes = options.MaxRecordBytes;
        LevelFloor = LambdaEnvironment.LogLevelFloor().Floor;
    }

    /// <summary>The format in use, <see cref="DurableLogFormat.Auto"/> resolved.</summary>
    public DurableLogFormat Format { get; }

    public RecordFormatter Formatter { get; }

    public ReplayMode ReplayMode { get; }

    public bool IncludeScopes { get; }

    public int MaxRecordBytes { get; }

    /// <summary>The level below which nothing is formatted: Lambda's application log level, or Trace.</summary>
    public LogLevel LevelFloor { get; }
}
