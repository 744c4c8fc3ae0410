using System;

namespace DurableLoggingProvider.Providers.Tests.Capture;

/// <summary>
/// Sets the variable Lambda sets in every execution environment (the function's name) for one test, and puts its
/// first value back. It changes process-wide state, so fixtures that use it are <c>[NonParallelizable]</c>.
/// </summary>
internal sealed class LambdaEnvironmentVariable : IDisposable
{
    private const string Name = "AWS_LAMBDA_FUNCTION_NAME";
    private readonly string? _original = Environment.GetEnvironmentVariable(Name);

    public LambdaEnvironmentVariable(string? functionName)
    {
        Environment.SetEnvironmentVariable(Name, functionName);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(Name, _original);
}
