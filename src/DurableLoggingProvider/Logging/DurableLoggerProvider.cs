using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider;

/// <summary>
/// The durable logging provider: writes each record as one Lambda-native line (JSON or Text) with the
/// invocation's and durable execution's context, keeps lines of replayed work out, and writes
/// synchronously to standard output (or the registered <see cref="ILogSink"/>).
/// </summary>
/// <remarks>
/// Register it with <c>AddDurableLogging()</c>. Its configuration section is <c>Logging:Durable</c>;
/// a change to the configuration reaches loggers already created. Invalid options fail when the
/// provider is created; an invalid reload is reported and the previous settings kept.
/// </remarks>
[ProviderAlias("Durable")]
public sealed class DurableLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentDictionary<string, DurableLogger> _loggers = new(StringComparer.Ordinal);
    private readonly ILogSink _sink;
    private readonly TimeProvider _time;
    private readonly SinkFailureReport _sinkFailures;
    private readonly IDisposable? _reloadRegistration;
    private volatile LoggerSettings _settings;
    private string? _reportedReloadProblem;
    private IExternalScopeProvider _scopeProvider = new LoggerExternalScopeProvider();

    /// <summary>Creates the provider.</summary>
    /// <param name="options">The options, followed as they change.</param>
    /// <param name="sink">Where records are written.</param>
    /// <exception cref="OptionsValidationException">The options hold invalid values; the message names each key and its allowed values.</exception>
    public DurableLoggerProvider(IOptionsMonitor<DurableLoggerOptions> options, ILogSink sink)
        : this(options, sink, TimeProvider.System, filters: null)
    {
    }

    // reportFailure: where sink failures are reported; standard error when null. Tests observe the report here.
    internal DurableLoggerProvider(IOptionsMonitor<DurableLoggerOptions> options, ILogSink sink, TimeProvider time, LoggerFilterOptions? filters, Action<string>? reportFailure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        var current = options.CurrentValue;
        var problems = DurableLoggerOptionsValidation.FindProblems(current);
        if (problems.Count > 0)
        {
            throw DurableLoggerOptionsValidation.ToException(problems);
        }

        _sink = sink;
        _time = time;
        var destination = sink is StandardOutputSink ? "standard output" : sink.GetType().Name;
        _sinkFailures = reportFailure is null ? new SinkFailureReport(destination) : new SinkFailureReport(destination, reportFailure);
        _settings = new LoggerSettings(current);
        _reloadRegistration = options.OnChange(Reload);
        LevelFloorWarning.WriteIfNeeded(this, filters);
    }

    internal LoggerSettings Settings => _settings;

    internal IExternalScopeProvider ScopeProvider => _scopeProvider;

    /// <summary>How many records could not be written because the sink failed, since the provider was created.</summary>
    public long LostRecords => _sinkFailures.Lost;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName ?? string.Empty, static (name, provider) => new DurableLogger(name, provider), this);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        ArgumentNullException.ThrowIfNull(scopeProvider);
        _scopeProvider = scopeProvider;
    }

    /// <summary>
    /// Stops following configuration changes. Loggers already created, and any created later, keep writing
    /// with the settings in force now, as <c>Microsoft.Extensions.Logging</c>'s console provider does: the
    /// records logged while the host stops are the ones that say why. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        _reloadRegistration?.Dispose();
        _loggers.Clear();
    }

    internal DateTimeOffset Now() => _time.GetUtcNow();

    /// <summary>Renders a record whose fields are gathered in <paramref name="buffer"/> and writes it; never throws.</summary>
    internal void Write(in LogRecord record, RecordBuffer buffer, LoggerSettings settings)
    {
        try
        {
            settings.Formatter.Render(in record, buffer, settings.MaxRecordBytes);
        }
        catch (Exception failure)
        {
            // A value that defeats rendering must not cost the line: write it with the record's own fields only.
            // The message is taken before the fields go: with a masked value, the caller's rendering holds it.
            var message = buffer.Fields.MessageFor(record.Message);
            buffer.Fields.Clear();
            var plain = new LogRecord(
                record.Timestamp, record.Level, record.Category, record.EventId,
                $"{message} [record could not be formatted: {failure.GetType().Name}: {ValueText.SafeMessage(failure)}]",
                exception: null, record.Frame, record.IsReplay);
            try
            {
                settings.Formatter.Render(in plain, buffer, settings.MaxRecordBytes);
            }
            catch (Exception secondFailure)
            {
                _sinkFailures.Failed(secondFailure);
                return;
            }
        }

        try
        {
            _sink.Write(buffer.WrittenSpan);
            _sinkFailures.Recovered();
        }
        catch (Exception failure)
        {
            _sinkFailures.Failed(failure);
        }
    }

    /// <summary>Writes one of the provider's own records (a configuration warning), past the filters and the gate.</summary>
    internal void WriteDiagnostic(LogLevel level, string message)
    {
        var settings = _settings;
        var buffer = RecordBuffer.Rent();
        try
        {
            var record = new LogRecord(Now(), level, typeof(DurableLoggerProvider).Namespace!, default, message, null, DurableLogContext.CurrentFrame, isReplay: false);
            Write(in record, buffer, settings);
        }
        finally
        {
            RecordBuffer.Return(buffer);
        }
    }

    private void Reload(DurableLoggerOptions options)
    {
        var problems = DurableLoggerOptionsValidation.FindProblems(options);
        if (problems.Count > 0)
        {
            var report = $"The changed logging configuration was not applied, and the previous settings stay in force: {string.Join(" ", problems)}";

            // One edit raises several change notifications (one per source the provider's section is
            // built from, and the file watcher repeats itself): report each wrong configuration once.
            if (Interlocked.Exchange(ref _reportedReloadProblem, report) != report)
            {
                WriteDiagnostic(LogLevel.Error, report);
            }

            return;
        }

        Volatile.Write(ref _reportedReloadProblem, null);
        _settings = new LoggerSettings(options);
    }
}
