using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Says once, at start-up, when the logging configuration asks for records that Lambda's application
/// log level will keep out, or when that level is not one Lambda knows. The line is written at WARN,
/// or at the floor itself when the floor is higher, so that Lambda's own level filter lets it through.
/// </summary>
internal static class LevelFloorWarning
{
    public static void WriteIfNeeded(Action<LogLevel, string> write, LoggerFilterOptions? filters)
    {
        var (floor, variable, value) = LambdaEnvironment.LogLevelFloor();
        if (variable is null)
        {
            return;
        }

        if (!LambdaLogLevel.TryParse(value, out _))
        {
            write(
                LogLevel.Warning,
                $"{variable} is '{value}', which is not a Lambda log level ({LambdaLogLevel.AllowedNames}); it is ignored and no level floor applies.");
            return;
        }

        if (filters is null)
        {
            return;
        }

        var requested = LowestRequested(filters);
        if (requested >= floor)
        {
            return;
        }

        write(
            floor > LogLevel.Warning ? floor : LogLevel.Warning,
            $"The logging configuration enables {requested} records, but {variable} is {LambdaLogLevel.Name(floor)}: " +
            $"Lambda's application log level is a floor, and records below {floor} are not written. " +
            "Lower the function's application log level to see them, or raise the configured level to match.");
    }

    /// <summary>
    /// The lowest level the filter rules let through to this provider, over all categories. Rules are
    /// chosen per category as the logger factory chooses them, so a general rule that the provider's
    /// own section overrides asks for nothing. Each categorized rule is tried with its own category
    /// (the best rule for any category is also the best for the category name of that rule), plus one
    /// category that no categorized rule names.
    /// </summary>
    private static LogLevel LowestRequested(LoggerFilterOptions filters)
    {
        var lowest = LevelFor(filters, "\0");
        foreach (var rule in filters.Rules)
        {
            if (rule.CategoryName is { } category && AppliesToProvider(rule))
            {
                var level = LevelFor(filters, category.Replace("*", string.Empty, StringComparison.Ordinal));
                lowest = level < lowest ? level : lowest;
            }
        }

        return lowest;
    }

    private static LogLevel LevelFor(LoggerFilterOptions filters, string category)
    {
        LoggerFilterRule? best = null;
        foreach (var rule in filters.Rules)
        {
            if (IsBetter(rule, best, category))
            {
                best = rule;
            }
        }

        // A chosen rule without a level lets everything through.
        return best is null ? filters.MinLevel : best.LogLevel ?? LogLevel.Trace;
    }

    /// <summary>The logger factory's rule order: this provider's rules before general ones, then the longest category, then the last.</summary>
    private static bool IsBetter(LoggerFilterRule rule, LoggerFilterRule? current, string category)
    {
        if (!AppliesToProvider(rule) || (rule.CategoryName is { } name && !Matches(name, category)))
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

        return current?.CategoryName is null
            || (rule.CategoryName is not null && rule.CategoryName.Length >= current.CategoryName.Length);
    }

    private static bool AppliesToProvider(LoggerFilterRule rule) =>
        rule.ProviderName is null || rule.ProviderName == DurableLoggerProvider.Alias || rule.ProviderName == typeof(DurableLoggerProvider).FullName;

    private static bool Matches(string ruleCategory, string category)
    {
        var wildcard = ruleCategory.IndexOf('*', StringComparison.Ordinal);
        return wildcard < 0
            ? category.StartsWith(ruleCategory, StringComparison.OrdinalIgnoreCase)
            : category.StartsWith(ruleCategory[..wildcard], StringComparison.OrdinalIgnoreCase)
                && category.EndsWith(ruleCategory[(wildcard + 1)..], StringComparison.OrdinalIgnoreCase);
    }
}
