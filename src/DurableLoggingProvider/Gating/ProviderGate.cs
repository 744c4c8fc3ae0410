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
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        DurableLoggerProvider? durable = null;
        foreach (var provider in registered)
        {
            if (provider is DurableLoggerProvider own)
            {
                durable = own;
                providers.Add(provider);
                continue;
            }

            if (IsUngated(provider, current.UngatedProviders, named))
            {
                providers.Add(provider);
                continue;
            }

            var loggers = new GatedLoggers(provider, this, filters);
            _gated.Add(loggers);
            providers.Add(provider is ISupportExternalScope ? new GatedScopedLoggerProvider(loggers) : new GatedLoggerProvider(loggers));
        }

        Providers = providers;
        if (durable is not null)
        {
            ReportUnknownNames(durable, current.UngatedProviders, named, providers);
            StandardOutputDoubling.WriteIfNeeded(durable, providers);
        }
    }

    /// <summary>The providers the logger factory is built over, in their registration order.</summary>
    public IReadOnlyList<ILoggerProvider> Providers { get; }

    public GateSettings Settings => _settings;

    /// <summary>The provider itself, or the one a wrapper of the gate holds.</summary>
    public static ILoggerProvider Unwrap(ILoggerProvider provider) => provider switch
    {
        GatedLoggerProvider plain => plain.Inner,
        GatedScopedLoggerProvider scoped => scoped.Inner,
        _ => provider,
    };

    public void Dispose()
    {
        _reloadRegistration?.Dispose();
        foreach (var loggers in _gated)
        {
            loggers.Dispose();
        }
    }

    private static bool IsUngated(ILoggerProvider provider, IList<string> ungated, HashSet<string> named)
    {
        var type = provider.GetType();
        var alias = ProviderFilterRules.AliasOf(type);
        var found = false;
        foreach (var name in ungated)
        {
            if (string.Equals(name, type.FullName, StringComparison.OrdinalIgnoreCase) || (alias is not null && string.Equals(name, alias, StringComparison.OrdinalIgnoreCase)))
            {
                named.Add(name);
                found = true;
            }
        }

        return found;
    }

    /// <summary>A name in <c>UngatedProviders</c> that no registered provider answers to is most likely a typo: say so once, with the names there are.</summary>
    private static void ReportUnknownNames(DurableLoggerProvider durable, IList<string> ungated, HashSet<string> named, List<ILoggerProvider> providers)
    {
        List<string>? registered = null;
        foreach (var name in ungated)
        {
            if (named.Contains(name))
            {
                continue;
            }

            registered ??= providers.ConvertAll(static provider =>
            {
                var type = Unwrap(provider).GetType();
                return ProviderFilterRules.AliasOf(type) is { } alias ? $"{alias} ({type.FullName})" : type.FullName ?? type.Name;
            });
            durable.WriteStartupWarning(
                $"{DurableLoggerOptionsValidation.Key(nameof(DurableLoggerOptions.UngatedProviders))} names '{name}', which no registered provider answers to, so it leaves nothing ungated. " +
                $"Name a provider by its alias or full type name; registered: {string.Join(", ", registered)}.");
        }
    }
}
