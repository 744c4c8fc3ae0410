using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>Starts the crash helper (<c>DurableLoggingProvider.CrashHelper</c>, built next to the tests) as a child process with its standard streams redirected.</summary>
internal static class ChildProcess
{
    public static Process StartCrashHelper(params string[] arguments) => StartCrashHelperWith(null, arguments);

    /// <summary>Starts the crash helper with <paramref name="environment"/> set in its environment (Lambda's logging variables among them, if named).</summary>
    public static Process StartCrashHelperWith(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DurableLoggingProvider.CrashHelper.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child decides its format itself; Lambda's variables from the test's environment must not steer it.
        foreach (var variable in EnvironmentOverrides.LambdaLoggingVariables)
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The crash helper did not start.");
    }

    /// <summary>Kills the child if it still runs: a test that fails half-way must not leave it logging for ever.</summary>
    public static void KillIfRunning(Process child)
    {
        try
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    /// <summary>The <c>dotnet</c> executable running the tests, so the child runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host)
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
