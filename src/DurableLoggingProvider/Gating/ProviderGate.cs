using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider;

/// <summary>
/// The replay gate over every other registered provider: the providers the logger factory is built over, each
/// behind a wrapper unless it is the durable provider (which gates itself) or the options leave it ungated. The
/// wrappers read the replay mode and field naming from here, as the options change.
/// </summary>
internal sealed class ProviderGate : IDisposable
{
    private readonly List<GatedLoggers> _gated = [];
    private readonly IDisposable? _reloadRegistration;
    private volatile GateSettings _settings;

    public ProviderGate(IEnumerable<ILoggerProvider> registered, IOptionsMonitor<DurableLoggerOptions> options, IOptionsMonitor<LoggerFilterOptions> filters)
    {
        var current = options.CurrentValue;
        _settings = GateSettings.From(current);
        _reloadRegistration = options.OnChange(changed =>
        {
            if (DurableLoggerOptionsValidation.FindProblems(changed).Count == 0)
            {
                _settings = GateSettings.From(changed);
            }
        });

        var providers = new List<ILoggerProvider>();
        foreach (var provider in registered)
        {
            if (provider is DurableLoggerProvider || IsUngated(provider, current.UngatedProviders))
            {
                providers.Add(provider);
                continue;
            }

            var loggers = new GatedLoggers(provider, this, filters);
            _gated.Add(loggers);
            providers.Add(provider is ISupportExternalScope ? new GatedScopedLoggerProvider(loggers) : new GatedLoggerProvider(loggers));
        }

        Providers = providers;
        StandardOutputDoubling.WriteIfNeeded(registered);
    }

    /// <summary>The providers the logger factory is built over, in their registration order.</summary>
    public IReadOnlyList<ILoggerProvider> Providers { get; }

    public GateSettings Settings => _settings;

    public void Dispose()
    {
        _reloadRegistration?.Dispose();
        foreach (var loggers in _gated)
        {
            loggers.Dispose();
        }
    }

    private static bool IsUngated(ILoggerProvider provider, IList<string> ungated)
    {
        if (ungated.Count == 0)
        {
            return false;
        }

        var type = provider.GetType();
        var alias = ProviderFilterRules.AliasOf(type);
        foreach (var name in ungated)
        {
            if (string.Equals(name, type.FullName, StringComparison.OrdinalIgnoreCase) || (alias is not null && string.Equals(name, alias, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
