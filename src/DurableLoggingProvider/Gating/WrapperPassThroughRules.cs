using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider;

/// <summary>
/// Lets every call through to the gate's wrappers. The logger factory chooses a rule by the provider's type, and
/// a rule naming a provider beats every rule naming none, so these two rules stand in for all others at the
/// wrappers; each wrapper then chooses, among the same rules, the one for the provider it wraps.
/// </summary>
internal sealed class WrapperPassThroughRules : IPostConfigureOptions<LoggerFilterOptions>
{
    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        options.Rules.Add(new LoggerFilterRule(typeof(GatedLoggerProvider).FullName, null, LogLevel.Trace, null));
        options.Rules.Add(new LoggerFilterRule(typeof(GatedScopedLoggerProvider).FullName, null, LogLevel.Trace, null));
    }
}
