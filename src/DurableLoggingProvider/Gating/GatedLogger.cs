using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// One category's logger of a provider the gate wraps: the provider's own filter rule, then the replay gate's one
/// decision, then the provider's logger, inside a scope of the durable fields. A provider that reads the logger
/// factory's shared scopes gets the fields pushed there; any other gets them through its logger's
/// <c>BeginScope</c>.
/// </summary>
internal sealed class GatedLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly GatedLoggers _owner;
    private volatile CategoryFilter _filter;

    public GatedLogger(ILogger inner, GatedLoggers owner, CategoryFilter filter)
    {
        _inner = inner;
        _owner = owner;
        _filter = filter;
    }

    public CategoryFilter Filter
    {
        set => _filter = value;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) =>
        _filter.IsEnabled(logLevel)
        && (DurableFieldsScope.IsHandedOff || ReplayGate.Decide(DurableLogContext.CurrentFrame?.Context, _owner.Settings.Mode) != ReplayDecision.Suppress)
        && _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // The factory lets every call through to the wrapper; the provider's own rule is applied here.
        if (!_filter.IsEnabled(logLevel))
        {
            return;
        }

        if (DurableFieldsScope.IsHandedOff)
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var settings = _owner.Settings;
        var frame = DurableLogContext.CurrentFrame;
        var decision = ReplayGate.Decide(frame?.Context, settings.Mode);
        if (decision == ReplayDecision.Suppress)
        {
            return;
        }

        if (DurableFieldsScope.For(frame, decision == ReplayDecision.Mark, settings.Naming, settings.ActivityIds) is not { } fields)
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        using (_owner.ScopeProvider is { } shared ? shared.Push(fields) : _inner.BeginScope(fields))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
