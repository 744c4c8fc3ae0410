using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The logger of one category: the hot path only. It checks the level floor, asks the replay gate for
/// its one decision, gathers the record (its fields and its final message), and hands it to the writer,
/// all before the call returns. Its settings and scopes are pushed in by the provider when they change;
/// it never calls back into the provider. Nothing it does throws into the caller's code.
/// </summary>
internal sealed class DurableLogger : ILogger
{
    private readonly string _category;
    private readonly TimeProvider _time;
    private volatile LoggerSettings _settings;
    private volatile IExternalScopeProvider _scopeProvider;

    public DurableLogger(string category, TimeProvider time, LoggerSettings settings, IExternalScopeProvider scopeProvider)
    {
        _category = category;
        _time = time;
        _settings = settings;
        _scopeProvider = scopeProvider;
    }

    /// <summary>The settings in force, replaced by the provider when the configuration changes.</summary>
    internal LoggerSettings Settings
    {
        get => _settings;
        set => _settings = value;
    }

    /// <summary>Where scopes are kept, replaced by the provider when the logger factory sets its own.</summary>
    internal IExternalScopeProvider ScopeProvider
    {
        get => _scopeProvider;
        set => _scopeProvider = value;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _scopeProvider.Push(state);

    public bool IsEnabled(LogLevel logLevel)
    {
        var settings = _settings;
        if (logLevel < settings.LevelFloor || logLevel == LogLevel.None)
        {
            return false;
        }

        // The ambient frame is read once: the gate and the sampler decide on the same frame.
        var frame = DurableLogContext.CurrentFrame;
        return ReplayGate.Decide(frame?.Context, settings.ReplayMode) != ReplayDecision.Suppress
            && (settings.Sampling is not { } sampling || sampling.Admits(logLevel, frame) || settings.Buffering?.Holds(logLevel) == true);
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var settings = _settings;
        if (logLevel < settings.LevelFloor || logLevel == LogLevel.None)
        {
            return;
        }

        var frame = DurableLogContext.CurrentFrame;
        var decision = ReplayGate.Decide(frame?.Context, settings.ReplayMode);
        if (decision == ReplayDecision.Suppress)
        {
            return;
        }

        var sampling = settings.Sampling;
        var sampled = sampling is not null && sampling.IsSampled(frame);
        if (sampling is not null && !sampled && logLevel < sampling.SampledBelow && settings.Buffering?.Holds(logLevel) != true)
        {
            return;
        }

        var fields = RecordFields.Rent();
        try
        {
            fields.Collect(state, settings.IncludeScopes ? _scopeProvider : null, settings.Names);
            MessageRenderer.Render(state, exception, formatter, fields);
            if (sampled && logLevel < sampling!.SampledBelow)
            {
                fields.AddProviderField(sampling.SampledField, true);
            }

            var record = new LogRecord(
                _time.GetUtcNow(), logLevel, _category, eventId, message: null, exception, frame, decision == ReplayDecision.Mark, fields);
            if (settings.Buffering is { } buffering)
            {
                buffering.Write(in record, sampled, settings.Writer);
            }
            else
            {
                settings.Writer.Write(in record);
            }
        }
        finally
        {
            RecordFields.Return(fields);
        }
    }
}
