using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>
/// Sends the whole corpus to AWS's checkpoint server in one node process (<c>node/refusals.js</c>, through
/// <c>LocalDurableTestRunner</c>) and reads back each request's outcome. node must be on PATH; the pinned
/// packages are installed with <c>npm ci</c> first when <c>node_modules</c> is missing.
/// </summary>
internal sealed class AwsCheckpointServerRun
{
    private readonly Dictionary<string, JsonObject> _scripts;

    private AwsCheckpointServerRun(Dictionary<string, JsonObject> scripts) => _scripts = scripts;

    /// <summary>Runs the corpus; fails with what went wrong and what to do when node cannot run it.</summary>
    public static async Task<AwsCheckpointServerRun> StartAsync(CancellationToken cancellationToken)
    {
        var nodeDirectory = RefusalCorpus.NodeDirectory;
        var node = FindOnPath("node")
            ?? throw new InvalidOperationException("node is not on PATH: the refusal corpus needs node 20 or later to run AWS's checkpoint server. Install node and npm, then run the tests again.");
        if (!Directory.Exists(Path.Combine(nodeDirectory, "node_modules", "@aws", "durable-execution-sdk-js-testing")))
        {
            var npm = FindOnPath("npm")
                ?? throw new InvalidOperationException($"{nodeDirectory}/node_modules is missing and npm is not on PATH to install it: install npm, or run 'npm ci' in {nodeDirectory}.");
            await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], nodeDirectory, "npm ci", cancellationToken).ConfigureAwait(false);
        }

        var results = Path.Combine(Path.GetTempPath(), $"refusals-{Guid.NewGuid():N}.json");
        try
        {
            await RunAsync(node, ["refusals.js", RefusalCorpus.CorpusPath, results], nodeDirectory, "node refusals.js", cancellationToken).ConfigureAwait(false);
            var root = JsonNode.Parse(await File.ReadAllTextAsync(results, cancellationToken).ConfigureAwait(false))!;
            return new AwsCheckpointServerRun(root["scripts"]!.AsArray().Select(script => script!.AsObject()).ToDictionary(script => (string)script["name"]!));
        }
        finally
        {
            File.Delete(results);
        }
    }

    /// <summary>The outcomes of a script's requests, by invocation; fails when the script did not run to its end.</summary>
    public IReadOnlyList<IReadOnlyList<CheckpointOutcome>> OutcomesOf(RefusalScript script)
    {
        if (!_scripts.TryGetValue(script.Name, out var result))
        {
            throw new InvalidOperationException($"node/refusals.js reported nothing for script '{script.Name}'.");
        }

        if ((string?)result["error"] is { } error)
        {
            throw new InvalidOperationException($"Script '{script.Name}' did not run to its end under AWS's server: {error}");
        }

        return result["outcomes"]!.AsArray()
            .Select(invocation => (IReadOnlyList<CheckpointOutcome>)invocation!.AsArray()
                .Select(outcome => (bool)outcome!["accepted"]! ? CheckpointOutcome.Taken : CheckpointOutcome.Refused((string?)outcome["message"] ?? "(no message)"))
                .ToList())
            .ToList();
    }

    private static string? FindOnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(file => Path.Combine(directory, file)))
            .FirstOrDefault(File.Exists);
    }

    private static async Task RunAsync(string executable, string[] arguments, string directory, string what, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{what}' could not be started in {directory}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{what}' in {directory} did not end in time and was stopped.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{what}' in {directory} ended with exit code {process.ExitCode}.{Environment.NewLine}{await errors.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
