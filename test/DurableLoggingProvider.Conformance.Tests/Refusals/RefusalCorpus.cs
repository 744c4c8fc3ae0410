using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>
/// The checkpoint traffic both services are sent (<c>Refusals/refusal-corpus.json</c>, which
/// <c>node/refusals.js</c> reads too).
/// </summary>
internal static class RefusalCorpus
{
    private static readonly Lazy<IReadOnlyList<RefusalScript>> s_scripts = new(() => Load(CorpusPath));

    /// <summary>The corpus file.</summary>
    public static string CorpusPath => Path.GetFullPath(Path.Combine(NodeTooling.NodeDirectory, "..", "Refusals", "refusal-corpus.json"));

    /// <summary>The corpus's scripts, read once.</summary>
    public static IReadOnlyList<RefusalScript> Scripts => s_scripts.Value;

    private static List<RefusalScript> Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} holds null, not a refusal corpus.");
        var scripts = root["scripts"]?.AsArray() ?? throw new InvalidDataException($"{path} has no \"scripts\" array.");
        return scripts.Select(script => ReadScript(script!.AsObject(), path)).ToList();
    }

    private static RefusalScript ReadScript(JsonObject script, string path)
    {
        var name = (string?)script["name"] ?? throw new InvalidDataException($"A script in {path} has no name.");
        var invocations = script["invocations"]?.AsArray()
            ?? throw new InvalidDataException($"Script '{name}' in {path} has no invocations.");
        return new RefusalScript(
            name,
            invocations.Select(invocation => (IReadOnlyList<CorpusRequest>)invocation!.AsArray().Select(request => ReadRequest(request!.AsObject(), name)).ToList()).ToList());
    }

    private static CorpusRequest ReadRequest(JsonObject request, string script)
    {
        var updates = request["updates"]?.AsArray() ?? throw new InvalidDataException($"A request of script '{script}' has no updates array.");
        var aws = Outcome((string?)request["expect"], script);
        var deviation = (string?)request["deviation"];
        var ours = request["ours"] is null ? aws : Outcome((string?)request["ours"], script);
        if ((ours != aws) != (deviation is not null))
        {
            throw new InvalidDataException($"A request of script '{script}' must give a deviation exactly when 'ours' differs from 'expect'.");
        }

        var token = (string?)request["token"] switch
        {
            null => CorpusToken.Latest,
            "stale" => CorpusToken.Stale,
            "none" => CorpusToken.None,
            var other => throw new InvalidDataException($"A request of script '{script}' has the token '{other}'; use 'stale' or 'none', or leave it out."),
        };
        return new CorpusRequest(updates, token, aws, ours, deviation);
    }

    private static bool Outcome(string? text, string script) => text switch
    {
        "accepted" => true,
        "refused" => false,
        _ => throw new InvalidDataException($"A request of script '{script}' expects '{text}'; use 'accepted' or 'refused'."),
    };
}
