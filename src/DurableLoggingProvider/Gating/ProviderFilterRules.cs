using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// The logger factory's choice of filter rule for one provider, made here for a provider the gate wraps: the
/// factory sees only the wrapper's type, so the wrapper chooses, as the factory would, among the rules that name
/// the wrapped provider by its full type name or its <see cref="ProviderAliasAttribute"/> alias.
/// </summary>
/// <remarks>
/// The factory's order: a rule naming the provider beats any rule naming none; among those, a rule whose category
/// is a longer match (a prefix, or a prefix and suffix around one <c>*</c>, ignoring case) beats a shorter one or
/// one without a category; of equals, the last wins. With no rule the options' minimum level applies.
/// </remarks>
internal sealed class ProviderFilterRules
{
    private readonly string? _typeName;
    private readonly string? _alias;

    public ProviderFilterRules(Type providerType)
    {
        _typeName = providerType.FullName;
        _alias = AliasOf(providerType);
    }

    public CategoryFilter Select(LoggerFilterOptions options, string category)
    {
        LoggerFilterRule? chosen = null;
        foreach (var rule in options.Rules)
        {
            if (IsBetter(rule, chosen, _typeName, category) || (!string.IsNullOrEmpty(_alias) && IsBetter(rule, chosen, _alias, category)))
            {
                chosen = rule;
            }
        }

        return chosen is null
            ? new CategoryFilter(_typeName, category, options.MinLevel, null)
            : new CategoryFilter(_typeName, category, chosen.LogLevel, chosen.Filter);
    }

    internal static string? AliasOf(Type providerType) =>
        Attribute.GetCustomAttribute(providerType, typeof(ProviderAliasAttribute), inherit: false) is ProviderAliasAttribute attribute ? attribute.Alias : null;

    private static bool IsBetter(LoggerFilterRule rule, LoggerFilterRule? current, string? providerName, string category)
    {
        if (rule.ProviderName is not null && !string.Equals(rule.ProviderName, providerName, StringComparison.Ordinal))
        {
            return false;
        }

        if (rule.CategoryName is { } ruleCategory && !CategoryMatches(ruleCategory, category))
        {
            return false;
        }

        if (current?.ProviderName is not null)
        {
            if (rule.ProviderName is null)
            {
                return false;
            }
        }
        else if (rule.ProviderName is not null)
        {
            return true;
        }

        if (current?.CategoryName is { } currentCategory)
        {
            return rule.CategoryName is not null && rule.CategoryName.Length >= currentCategory.Length;
        }

        return true;
    }

    private static bool CategoryMatches(string ruleCategory, string category)
    {
        var wildcard = ruleCategory.IndexOf('*', StringComparison.Ordinal);
        if (wildcard >= 0 && ruleCategory.IndexOf('*', wildcard + 1) >= 0)
        {
            throw new InvalidOperationException(
                $"The filter rule category '{ruleCategory}' holds more than one '*'. A category may hold one wildcard: 'Orders.*', '*.Payments', 'Orders.*.Client'.");
        }

        var prefix = wildcard < 0 ? ruleCategory.AsSpan() : ruleCategory.AsSpan(0, wildcard);
        var suffix = wildcard < 0 ? default : ruleCategory.AsSpan(wildcard + 1);
        return category.AsSpan().StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && category.AsSpan().EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }
}
