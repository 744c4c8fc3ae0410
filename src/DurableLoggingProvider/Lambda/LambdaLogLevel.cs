using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>Lambda's level names, which map one-to-one onto .NET's: the one place they are spelled.</summary>
internal static class LambdaLogLevel
{
    /// <summary>Lambda's name for a .NET level.</summary>
    public static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "NONE",
    };

    /// <summary>
    /// Reads a level name in any case: Lambda's, or the .NET runtime's (<c>Information</c>,
    /// <c>Warning</c>, <c>Critical</c>), which is what <c>AWS_LAMBDA_HANDLER_LOG_LEVEL</c> takes:
    /// the runtime parses it as <c>Amazon.Lambda.Core.LogLevel</c>.
    /// </summary>
    public static bool TryParse(string? name, out LogLevel level)
    {
        level = name?.Trim().ToUpperInvariant() switch
        {
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" or "INFORMATION" => LogLevel.Information,
            "WARN" or "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "FATAL" or "CRITICAL" => LogLevel.Critical,
            _ => LogLevel.None,
        };
        return level != LogLevel.None;
    }

    /// <summary>The names, for messages that list the allowed values.</summary>
    public static string AllowedNames => "TRACE, DEBUG, INFO, WARN, ERROR, FATAL (or Information, Warning, Critical)";

    /// <summary>Lambda's name as UTF-8, for the formatters' hot path.</summary>
    public static ReadOnlySpan<byte> Utf8Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE"u8,
        LogLevel.Debug => "DEBUG"u8,
        LogLevel.Information => "INFO"u8,
        LogLevel.Warning => "WARN"u8,
        LogLevel.Error => "ERROR"u8,
        LogLevel.Critical => "FATAL"u8,
        _ => "NONE"u8,
    };
}
