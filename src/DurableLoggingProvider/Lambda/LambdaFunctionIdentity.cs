using System;
using System.Globalization;

namespace DurableLoggingProvider;

/// <summary>
/// The identity of the Lambda function a process runs, as Lambda publishes it in environment variables.
/// </summary>
public sealed class LambdaFunctionIdentity
{
    private static LambdaFunctionIdentity? s_fromEnvironment;

    /// <summary>The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    public string? FunctionName { get; init; }

    /// <summary>The function's version, <c>$LATEST</c> or a number (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).</summary>
    public string? FunctionVersion { get; init; }

    /// <summary>The memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    public int? MemorySizeMB { get; init; }

    /// <summary>The CloudWatch Logs group the function's lines land in (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    public string? LogGroupName { get; init; }

    /// <summary>The CloudWatch Logs stream of this execution environment (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    public string? LogStreamName { get; init; }

    /// <summary>
    /// The identity read once from this process's Lambda environment variables. Outside Lambda every
    /// property is <see langword="null"/>.
    /// </summary>
    public static LambdaFunctionIdentity FromEnvironment() => s_fromEnvironment ??= Read();

    private static LambdaFunctionIdentity Read()
    {
        var memory = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        return new LambdaFunctionIdentity
        {
            FunctionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME"),
            FunctionVersion = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION"),
            MemorySizeMB = int.TryParse(memory, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) ? mb : null,
            LogGroupName = Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_GROUP_NAME"),
            LogStreamName = Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_STREAM_NAME"),
        };
    }
}
