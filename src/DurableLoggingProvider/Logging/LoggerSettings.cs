using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The provider's settings as the hot path reads them, resolved once from the options and the Lambda
/// environment. Immutable: a configuration reload makes a new instance, which the provider pushes
/// into its loggers.
/// </summary>
internal sealed class LoggerSettings
{
    public LoggerSettings(DurableLoggerOptions options, ILogSink sink, SinkFailureReport sinkFailures, InvocationBuffers? buffers)
    {
        Format = options.Format == DurableLogFormat.Auto ? LambdaEnvironment.LogFormat() : options.Format;
        Names = FieldNames.For(options.FieldNaming, FieldRedaction.From(options.RedactedFields, options.RedactionMask));
        Writer = new RecordWriter(RecordFormatter.Create(Format, Names, CorrelationFields.From(options)), options.MaxRecordBytes, sink, sinkFailures);
        ReplayMode = options.ReplayMode;
        IncludeScopes = options.IncludeScopes;
        LevelFloor = LambdaEnvironment.LogLevelFloor().Floor;
        Buffering = BufferingPolicy.From(options, buffers, Writer, sinkFailures);
        Sampling = ExecutionSampling.From(options);
    }

    /// <summary>Log buffering per invocation, or <see langword="null"/> when off.</summary>
    public BufferingPolicy? Buffering { get; }

    /// <summary>Debug sampling per execution, or <see langword="null"/> when off.</summary>
    public ExecutionSampling? Sampling { get; }

    /// <summary>The format in use, <see cref="DurableLogFormat.Auto"/> resolved.</summary>
    public DurableLogFormat Format { get; }

    /// <summary>The field names in the configured naming, and the caller's names whose values are masked.</summary>
    public FieldNames Names { get; }

    /// <summary>Renders gathered records in <see cref="Format"/> and writes them to the sink.</summary>
    public RecordWriter Writer { get; }

    public ReplayMode ReplayMode { get; }

    public bool IncludeScopes { get; }

    public int MaxRecordBytes => Writer.MaxRecordBytes;

    /// <summary>The level below which nothing is formatted: Lambda's application log level, or Trace.</summary>
    public LogLevel LevelFloor { get; }
}
