using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Lambda's logging settings as its environment variables give them, with the .NET runtime's
/// precedence: the <c>AWS_LAMBDA_HANDLER_*</c> overrides win over the function's settings.
/// </summary>
internal static class LambdaEnvironment
{
    public const string LogFormatVariable = "AWS_LAMBDA_LOG_FORMAT";
    public const string HandlerLogFormatVariable = "AWS_LAMBDA_HANDLER_LOG_FORMAT";
    public const string LogLevelVariable = "AWS_LAMBDA_LOG_LEVEL";
    public const string HandlerLogLevelVariable = "AWS_LAMBDA_HANDLER_LOG_LEVEL";
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";
    public const string MaxConcurrencyVariable = "AWS_LAMBDA_MAX_CONCURRENCY";
    public const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";
    public const string PowertoolsServiceNameVariable = "POWERTOOLS_SERVICE_NAME";

    /// <summary>Whether this process runs inside Lambda, which sets the function's name in every execution environment.</summary>
    public static bool IsInLambda() => Read(FunctionNameVariable) is not null;

    /// <summary>The format Lambda asks for, or <see cref="DurableLogFormat.Text"/>, Lambda's default.</summary>
    public static DurableLogFormat LogFormat()
    {
        var value = Read(HandlerLogFormatVariable) ?? Read(LogFormatVariable);
        return string.Equals(value?.Trim(), "JSON", StringComparison.OrdinalIgnoreCase) ? DurableLogFormat.Json : DurableLogFormat.Text;
    }

    /// <summary>
    /// The level floor Lambda sets, the variable that set it, and its raw value; the floor is
    /// <see cref="LogLevel.Trace"/> when no variable is set or the value is not a Lambda level name.
    /// </summary>
    public static (LogLevel Floor, string? Variable, string? Value) LogLevelFloor()
    {
        var variable = Read(HandlerLogLevelVariable) is not null ? HandlerLogLevelVariable
            : Read(LogLevelVariable) is not null ? LogLevelVariable
            : null;
        if (variable is null)
        {
            return (LogLevel.Trace, null, null);
        }

        var value = Read(variable);
        return LambdaLogLevel.TryParse(value, out var level) ? (level, variable, value) : (LogLevel.Trace, variable, value);
    }

    /// <summary>The trace header from the environment, only where one invocation runs at a time.</summary>
    public static string? SingleConcurrencyTraceId() =>
        Read(MaxConcurrencyVariable) is null ? Read(TraceIdVariable) : null;

    /// <summary>The service name Powertools for AWS Lambda reads (<c>POWERTOOLS_SERVICE_NAME</c>), or <see langword="null"/>.</summary>
    public static string? PowertoolsServiceName() => Read(PowertoolsServiceNameVariable)?.Trim();

    private static string? Read(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
