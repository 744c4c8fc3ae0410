using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
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
[ProviderAlias(Alias)]
public sealed class DurableLoggerProvider : ILoggerProvider, ISupportExternalScope, IAsyncDisposable
{
    /// <summary>The provider's alias: its configuration section is <c>Logging:Durable</c>, and filter rules name it so.</summary>
    internal const string Alias = "Durable";

    private readonly Dictionary<string, DurableLogger> _loggers = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private readonly ILogSink _sink;
    private readonly TimeProvider _time;
    private readonly SinkFailureReport _sinkFailures;
    private readonly IDisposable? _reloadRegistration;
    private readonly InvocationBuffers _buffers;
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
        _buffers = new InvocationBuffers(sink, _sinkFailures, time, CurrentSettings);
        _settings = new LoggerSettings(current, _sink, _sinkFailures, _buffers);
        _reloadRegistration = options.OnChange(Reload);
        LevelFloorWarning.WriteIfNeeded(WriteDiagnostic, filters);
    }

    internal LoggerSettings Settings => _settings;

    private LoggerSettings CurrentSettings() => _settings;

    /// <summary>How many records could not be written because the sink failed, since the provider was created.</summary>
    public long LostRecords => _sinkFailures.Lost;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        var category = categoryName ?? string.Empty;
        lock (_lock)
        {
            if (!_loggers.TryGetValue(category, out var logger))
            {
                logger = new DurableLogger(category, _time, _settings, _scopeProvider);
                _loggers.Add(category, logger);
            }

            return logger;
        }
    }

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        ArgumentNullException.ThrowIfNull(scopeProvider);
        lock (_lock)
        {
            _scopeProvider = scopeProvider;
            foreach (var logger in _loggers.Values)
            {
                logger.ScopeProvider = scopeProvider;
            }
        }
    }

    /// <summary>
    /// Stops following configuration changes. Loggers already created, and any created later, keep writing
    /// with the settings in force now, as <c>Microsoft.Extensions.Logging</c>'s console provider does: the
    /// records logged while the host stops are the ones that say why. Lines held for invocations that have not
    /// ended (log buffering) are written now, and from now on nothing is held. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        _reloadRegistration?.Dispose();
        _buffers.WriteAllAndStop();
        lock (_lock)
        {
            _loggers.Clear();
        }
    }

    /// <summary>As <see cref="Dispose"/>: records are written synchronously, so there is nothing to wait for.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes one start-up warning of the gate over other providers, as the provider's own record.</summary>
    internal void WriteStartupWarning(string message) => WriteDiagnostic(LogLevel.Warning, message);

    /// <summary>Writes one of the provider's own records (a configuration warning), past the filters and the gate.</summary>
    private void WriteDiagnostic(LogLevel level, string message)
    {
        var record = new LogRecord(
            _time.GetUtcNow(), level, typeof(DurableLoggerProvider).Namespace!, default, message, null, DurableLogContext.CurrentFrame, isReplay: false, RecordFields.None);
        _settings.Writer.Write(in record);
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
        var settings = new LoggerSettings(options, _sink, _sinkFailures, _buffers);
        lock (_lock)
        {
            _settings = settings;
            foreach (var logger in _loggers.Values)
            {
                logger.Settings = settings;
            }
        }
    }
}
