using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The logger of one category: the hot path only. It checks the level floor and the replay gate,
/// gathers the record's fields, renders it into a pooled buffer and hands the bytes to the sink, all
/// before the call returns. Nothing it does throws into the caller's code.
/// </summary>
internal sealed class DurableLogger : ILogger
{
    private readonly string _category;
    private readonly DurableLoggerProvider _provider;

    public DurableLogger(string category, DurableLoggerProvider provider)
    {
        _category = category;
        _provider = provider;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _provider.ScopeProvider.Push(state);

    public bool IsEnabled(LogLevel logLevel)
    {
        var settings = _provider.Settings;
        return logLevel >= settings.LevelFloor
            && logLevel != LogLevel.None
            && !ReplayGate.Suppresses(DurableLogContext.CurrentFrame?.Context, settings.ReplayMode);
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var settings = _provider.Settings;
        if (logLevel < settings.LevelFloor || logLevel == LogLevel.None)
        {
            return;
        }

        var frame = DurableLogContext.CurrentFrame;
        if (ReplayGate.Suppresses(frame?.Context, settings.ReplayMode))
        {
            return;
        }

        var buffer = RecordBuffer.Rent();
        try
        {
            var recordFormatter = settings.Formatter;
            buffer.Fields.Collect(state, settings.IncludeScopes ? _provider.ScopeProvider : null, recordFormatter.Names);
            var message = LogMessage.Render(state, exception, formatter, buffer.Fields);
            var record = new LogRecord(
                _provider.Now(), logLevel, _category, eventId, message, exception, frame, ReplayGate.Marks(frame?.Context, settings.ReplayMode));
            _provider.Write(in record, buffer, settings);
        }
        finally
        {
            RecordBuffer.Return(buffer);
        }
    }
}
