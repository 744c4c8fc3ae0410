using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>
/// The only right answer of a scenario (replay-gate.md), checked in any <see cref="ScenarioStore"/>: in
/// Suppress each line is written as many times as the spec says; in Emit every run of a statement is
/// written, unmarked; in Mark every run is written and the unmarked ones are exactly Suppress's answer.
/// </summary>
internal static class ScenarioAnswer
{
    /// <summary>The category the scenarios' workflows log in.</summary>
    public const string Category = "Workflow";

    /// <summary>Lines the spec says are written exactly once.</summary>
    public static Dictionary<string, (int Min, int Max)> Once(params string[] lines) => lines.ToDictionary(line => line, _ => (1, 1), StringComparer.Ordinal);

    /// <param name="result">The run.</param>
    /// <param name="store">The cell it ran in.</param>
    /// <param name="executed">How many times each statement ran.</param>
    /// <param name="expected">Suppress's answer: how many times each line is written, at least and at most.</param>
    /// <param name="written">Every line the process wrote, for lines written outside the invocations; by default the invocations' lines.</param>
    public static void AssertLines<T>(
        LocalRunResult<T> result, ScenarioStore store, ExecutedLines executed, IReadOnlyDictionary<string, (int Min, int Max)> expected, IEnumerable<JsonElement>? written = null)
    {
        var records = (written ?? result.Records).Where(record => record.Text("category") == Category).ToList();
        var counts = Count(records);
        var unmarked = Count(records.Where(record => !record.Has("replay")));
        var marks = records.Where(record => record.Has("replay")).Select(record => record.GetProperty("replay").ValueKind).ToList();

        Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded), result.StuckReason ?? result.Error?.ErrorMessage);
        Assert.Multiple(() =>
        {
            Assert.That(executed.Counts.Keys, Is.EquivalentTo(expected.Keys), "the workflow logged the scenario's lines");
            foreach (var (line, (min, max)) in expected)
            {
                var runs = executed.Counts.GetValueOrDefault(line);
                switch (store.Mode)
                {
                    case ReplayMode.Suppress:
                        Assert.That(counts.GetValueOrDefault(line), Is.InRange(min, max), $"{line}: written");
                        break;
                    case ReplayMode.Emit:
                        Assert.That(counts.GetValueOrDefault(line), Is.EqualTo(runs), $"{line}: every run written");
                        break;
                    case ReplayMode.Mark:
                        Assert.That(counts.GetValueOrDefault(line), Is.EqualTo(runs), $"{line}: every run written");
                        Assert.That(unmarked.GetValueOrDefault(line), Is.InRange(min, max), $"{line}: written unmarked");
                        break;
                }
            }

            if (store.Mode == ReplayMode.Mark)
            {
                Assert.That(marks, Is.All.EqualTo(JsonValueKind.True), "a replayed line says so");
            }
            else
            {
                Assert.That(marks, Is.Empty, "only Mark marks");
            }
        });
    }

    private static Dictionary<string, int> Count(IEnumerable<JsonElement> records) =>
        records.GroupBy(record => record.Text("message") ?? string.Empty, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
}
