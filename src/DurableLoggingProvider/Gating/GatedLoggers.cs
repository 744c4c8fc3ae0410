using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider;

/// <summary>
/// What the two wrapper providers share: the wrapped provider, its loggers by category (each with the filter rule
/// chosen for it, chosen again when the filter options change), and the shared scope provider when the wrapped
/// provider reads one.
/// </summary>
internal sealed class GatedLoggers : IDisposable
{
    private readonly Dictionary<string, GatedLogger> _loggers = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private readonly ProviderGate _gate;
    private readonly ProviderFilterRules _rules;
    private readonly IOptionsMonitor<LoggerFilterOptions> _filters;
    private readonly IDisposable? _reloadRegistration;
    private volatile IExternalScopeProvider? _scopeProvider;

    public GatedLoggers(ILoggerProvider inner, ProviderGate gate, IOptionsMonitor<LoggerFilterOptions> filters)
    {
        Inner = inner;
        _gate = gate;
        _filters = filters;
        _rules = new ProviderFilterRules(inner.GetType());
        _reloadRegistration = filters.OnChange(Refresh);
    }

    public ILoggerProvider Inner { get; }

    public GateSettings Settings => _gate.Settings;

    /// <summary>The logger factory's shared scopes, when the wrapped provider reads them; otherwise <see langword="null"/>.</summary>
    public IExternalScopeProvider? ScopeProvider => _scopeProvider;

    public ILogger CreateLogger(string categoryName)
    {
        var category = categoryName ?? string.Empty;
        lock (_lock)
        {
            if (!_loggers.TryGetValue(category, out var logger))
            {
                logger = new GatedLogger(Inner.CreateLogger(category), this, _rules.Select(_filters.CurrentValue, category));
                _loggers.Add(category, logger);
            }

            return logger;
        }
    }

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        _scopeProvider = scopeProvider;
        ((ISupportExternalScope)Inner).SetScopeProvider(scopeProvider);
    }

    /// <summary>Stops following the filter options; the wrapped provider is the service provider's to dispose.</summary>
    public void Dispose() => _reloadRegistration?.Dispose();

    private void Refresh(LoggerFilterOptions options)
    {
        lock (_lock)
        {
            foreach (var (category, logger) in _loggers)
            {
                logger.Filter = _rules.Select(options, category);
            }
        }
    }
}
