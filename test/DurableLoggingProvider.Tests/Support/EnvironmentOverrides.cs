using System;
using System.Collections.Generic;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// Sets process environment variables for one test and puts every one back afterwards. Fixtures that
/// use it change process-wide state, so they are marked <c>[NonParallelizable]</c>.
/// </summary>
internal sealed class EnvironmentOverrides
{
    /// <summary>Every variable through which Lambda steers the provider.</summary>
    public static readonly string[] LambdaLoggingVariables =
    [
        "AWS_LAMBDA_LOG_FORMAT",
        "AWS_LAMBDA_HANDLER_LOG_FORMAT",
        "AWS_LAMBDA_LOG_LEVEL",
        "AWS_LAMBDA_HANDLER_LOG_LEVEL",
        "_X_AMZN_TRACE_ID",
        "AWS_LAMBDA_MAX_CONCURRENCY",
    ];

    private readonly Dictionary<string, string?> _original = new(StringComparer.Ordinal);

    /// <summary>Sets a variable, or removes it when <paramref name="value"/> is null, remembering its first value.</summary>
    public void Set(string name, string? value)
    {
        _original.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>Removes every Lambda logging variable, so a test starts from a process outside Lambda.</summary>
    public void ClearLambdaLogging()
    {
        foreach (var name in LambdaLoggingVariables)
        {
            Set(name, null);
        }
    }

    /// <summary>Puts back every variable this instance changed.</summary>
    public void Restore()
    {
        foreach (var (name, value) in _original)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _original.Clear();
    }
}
