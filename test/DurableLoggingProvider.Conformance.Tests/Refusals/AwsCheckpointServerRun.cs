using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>
/// Sends the whole corpus to AWS's checkpoint server in one node process (<c>node/refusals.js</c>, through
/// <c>LocalDurableTestRunner</c>) and reads back each request's outcome. node must be on PATH
/// (<see cref="NodeTooling"/> installs the pinned packages when they are missing).
/// </summary>
internal sealed class AwsCheckpointServerRun
{
    private readonly Dictionary<string, JsonObject> _scripts;

    private AwsCheckpointServerRun(Dictionary<string, JsonObject> scripts) => _scripts = scripts;

    /// <summary>Runs the corpus; fails with what went wrong and what to do when node cannot run it.</summary>
    public static async Task<AwsCheckpointServerRun> StartAsync(CancellationToken cancellationToken)
    {
        await NodeTooling.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var results = Path.Combine(Path.GetTempPath(), $"refusals-{Guid.NewGuid():N}.json");
        try
        {
            await NodeTooling.RunAsync("node", ["refusals.js", RefusalCorpus.CorpusPath, results], "node is needed to send the refusal corpus to AWS's checkpoint server", cancellationToken).ConfigureAwait(false);
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
}
