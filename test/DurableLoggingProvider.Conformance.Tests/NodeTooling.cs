using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Conformance.Tests;

/// <summary>
/// The suite's one way to node: where its node directory is, that node is on PATH and AWS's pinned packages
/// are installed there (<c>npm ci</c> once when <c>node_modules</c> is missing, so that <c>dotnet test</c> works
/// from a fresh clone), and how a node script is run to its end. Without node or npm the suite fails with a
/// message saying what to install; it never skips.
/// </summary>
internal static class NodeTooling
{
    private const string TestingPackage = "node_modules/@aws/durable-execution-sdk-js-testing/package.json";
    private const string InstallAdvice = "Install Node.js 20 or later (it brings npm) and run the tests again.";

    private static readonly SemaphoreSlim s_installing = new(1, 1);

    /// <summary>The directory holding <c>package.json</c>, <c>package-lock.json</c> and the suite's scripts.</summary>
    public static string NodeDirectory { get; } = typeof(NodeTooling).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .SingleOrDefault(attribute => attribute.Key == "ConformanceNodeDirectory")?
        .Value ?? throw new InvalidOperationException("The test assembly carries no ConformanceNodeDirectory metadata; build it from its csproj.");

    /// <summary>Checks node, and installs the pinned packages with <c>npm ci</c> when they are not installed yet.</summary>
    /// <exception cref="InvalidOperationException">node or npm is missing, or <c>npm ci</c> failed.</exception>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await s_installing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await RunAsync("node", ["--version"], "node (Node.js 20 or later) is needed to run AWS's checkpoint server for the conformance suite", cancellationToken).ConfigureAwait(false);
            if (File.Exists(Path.Combine(NodeDirectory, TestingPackage)))
            {
                return;
            }

            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], $"npm is needed to install the conformance suite's pinned packages (node {version.Trim()} was found)", cancellationToken).ConfigureAwait(false);
            if (!File.Exists(Path.Combine(NodeDirectory, TestingPackage)))
            {
                throw new InvalidOperationException($"`npm ci` in {NodeDirectory} finished, but {TestingPackage} is still missing; check package-lock.json.");
            }
        }
        finally
        {
            s_installing.Release();
        }
    }

    /// <summary>Runs <paramref name="program"/> in the node directory to its end and returns what it wrote to stdout.</summary>
    /// <param name="program">A program on PATH: <c>node</c> or <c>npm</c>.</param>
    /// <param name="arguments">Its arguments, each passed as it is.</param>
    /// <param name="need">Why the suite needs the program, for the message when it is missing.</param>
    /// <param name="cancellationToken">Stops (kills) the program.</param>
    /// <exception cref="InvalidOperationException">The program is not on PATH, or ended with a non-zero exit code.</exception>
    /// <exception cref="TimeoutException">It was stopped before it ended.</exception>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string need, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = NodeDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var command = $"`{program} {string.Join(' ', arguments)}`";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{command} could not be started in {NodeDirectory}.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{need}, but `{program}` is not on PATH ({exception.Message}). {InstallAdvice}", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{command} in {NodeDirectory} did not end in time and was stopped.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{command} in {NodeDirectory} failed with exit code {process.ExitCode}: {(await errors.ConfigureAwait(false)).Trim()}{Environment.NewLine}{await output.ConfigureAwait(false)}");
            }

            return await output.ConfigureAwait(false);
        }
    }
}
