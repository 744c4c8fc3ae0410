using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Says once, at start-up, when the logging configuration asks for records that Lambda's application
/// log level will keep out, or when that level is not one Lambda knows. The line is written at WARN,
/// or at the floor itself when the floor is higher, so that Lambda's own level filter lets it through.
/// </summary>
internal static class LevelFloorWarning
{
    public static void WriteIfNeeded(DurableLoggerProvider provider, LoggerFilterOptions? filters)
    {
        var (floor, variable, value) = LambdaEnvironment.LogLevelFloor();
        if (variable is null)
        {
            return;
        }

        if (!LambdaLogLevel.TryParse(value, out _))
        {
            provider.WriteDiagnostic(
                LogLevel.Warning,
                $"{variable} is '{value}', which is not a Lambda log level ({LambdaLogLevel.AllowedNames}); it is ignored and no level floor applies.");
            return;
        }

        if (filters is null || LowestRequested(filters) is not { } requested || requested >= floor)
        {
            return;
        }

        provider.WriteDiagnostic(
            floor > LogLevel.Warning ? floor : LogLevel.Warning,
            $"The logging configuration enables {requested} records, but {variable} is {LambdaLogLevel.Name(floor)}: " +
            $"Lambda's application log level is a floor, and records below {floor} are not written. " +
            "Lower the function's application log level to see them, or raise the configured level to match.");
    }

    /// <summary>The lowest level any filter rule that applies to this provider asks for.</summary>
    private static LogLevel? LowestRequested(LoggerFilterOptions filters)
    {
        LogLevel? lowest = null;
        var catchAll = false;
        foreach (var rule in filters.Rules)
        {
            if (rule.ProviderName is not (null or "Durable") && rule.ProviderName != typeof(DurableLoggerProvider).FullName)
            {
                continue;
            }

            catchAll |= rule.CategoryName is null;
            if (rule.LogLevel is { } level && level != LogLevel.None && (lowest is null || level < lowest))
            {
                lowest = level;
            }
        }

        if (!catchAll && (lowest is null || filters.MinLevel < lowest))
        {
            lowest = filters.MinLevel;
        }

        return lowest;
    }
}
