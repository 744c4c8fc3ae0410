using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// Finds the suite's node directory and makes sure AWS's pinned packages are installed there: runs
/// <c>npm ci</c> once when <c>node_modules</c> is missing, so that <c>dotnet test</c> works from a fresh clone.
/// Without node or npm the suite fails with a message saying what to install; it never skips.
/// </summary>
internal static class NodeTooling
{
    private const string TestingPackage = "node_modules/@aws/durable-execution-sdk-js-testing/package.json";

    /// <summary>The directory holding <c>package.json</c>, <c>package-lock.json</c> and <c>proxy.mjs</c>.</summary>
    public static string NodeDirectory { get; } = typeof(NodeTooling).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "ConformanceNodeDirectory")
        .Value ?? throw new InvalidOperationException("The test assembly carries no ConformanceNodeDirectory metadata; build it from its csproj.");

    /// <summary>Checks node, and installs the pinned packages with <c>npm ci</c> when they are not installed yet.</summary>
    /// <exception cref="InvalidOperationException">node or npm is missing, or <c>npm ci</c> failed.</exception>
    public static void EnsureInstalled()
    {
        var version = Run("node", "--version", "node (Node.js 20 or later) is needed to run AWS's checkpoint server for the conformance suite");
        if (File.Exists(Path.Combine(NodeDirectory, TestingPackage)))
        {
            return;
        }

        Run("npm", "ci --no-audit --no-fund", $"npm is needed to install the conformance suite's pinned packages (node {version.Trim()} was found)");
        if (!File.Exists(Path.Combine(NodeDirectory, TestingPackage)))
        {
            throw new InvalidOperationException($"`npm ci` in {NodeDirectory} finished, but {TestingPackage} is still missing; check package-lock.json.");
        }
    }

    private static string Run(string program, string arguments, string need)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = NodeDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{need}, but `{program}` is not on PATH ({exception.Message}). Install Node.js 20 or later (it brings npm) and run the tests again.", exception);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"`{program} {arguments}` in {NodeDirectory} failed with exit code {process.ExitCode}: {error.Result.Trim()}");
            }

            return output;
        }
    }
}
