using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DurableLoggingProvider.Execution.Tests.Support;

/// <summary>
/// A large corpus of invocation inputs from a fixed seed: every variant <see cref="InvocationInputMutations"/>
/// makes of several valid inputs (a resumed execution with one operation of every type, a first invocation,
/// one with many steps in every status), then variants of those variants, until the corpus has the size
/// asked for. Mostly broken, some valid; the same seed gives the same corpus.
/// </summary>
internal static class InvocationInputCorpus
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The valid inputs the corpus starts from.</summary>
    public static IReadOnlyList<string> ValidInputs { get; } =
    [
        WireJson.Compact(SampleInvocationInput.Full),
        SampleInvocationInput.WithOperations(SampleInvocationInput.ExecutionOperation),
        SampleInvocationInput.WithOperations(
            SampleInvocationInput.ExecutionOperation,
            SampleInvocationInput.Step(SampleInvocationInput.FirstId),
            SampleInvocationInput.Step(SampleInvocationInput.SecondId, "STARTED"),
            SampleInvocationInput.Step(SampleInvocationInput.FourthId, "FAILED"),
            SampleInvocationInput.Step(SampleInvocationInput.FifthId, "PENDING")),
    ];

    public static List<InputMutation> Of(int size, int seed)
    {
        var corpus = new List<InputMutation>(size);
        foreach (var (valid, index) in ValidInputs.Select((valid, index) => (valid, index)))
        {
            corpus.AddRange(InvocationInputMutations.Of(valid, seed + index).Take(size - corpus.Count));
        }

        // Second order: one more mutation of a variant that is still a JSON object, chosen from the seed.
        var random = new Random(seed);
        var parents = corpus.Where(IsJsonObject).ToList();
        while (corpus.Count < size && parents.Count > 0)
        {
            corpus.Add(InvocationInputMutations.Once(parents[random.Next(parents.Count)], random));
        }

        return corpus;
    }

    private static bool IsJsonObject(InputMutation mutation)
    {
        // Huge variants are left out as parents, so that the corpus stays quick to run.
        if (mutation.Utf8Json.Length > 64 * 1024)
        {
            return false;
        }

        try
        {
            // Strict UTF-8 first: the node reader accepts invalid bytes until a value is read.
            return JsonNode.Parse(s_strictUtf8.GetString(mutation.Utf8Json)) is JsonObject;
        }
        catch (Exception exception) when (exception is JsonException or DecoderFallbackException)
        {
            return false;
        }
    }
}
