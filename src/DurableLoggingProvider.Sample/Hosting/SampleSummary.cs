using System.Collections.Generic;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Sample.Hosting;

/// <summary>What the sample run showed.</summary>
/// <param name="Status">How the execution ended.</param>
/// <param name="Invocations">How many invocations it took.</param>
/// <param name="LinesWritten">Lines the durable provider wrote across all invocations.</param>
/// <param name="LinesKeptOut">Log calls the replay gate kept out (calls that reached the providers, less lines written).</param>
/// <param name="Duplicates">Lines written more than once: the same content in more than one invocation.</param>
/// <param name="Result">The receipt, as text.</param>
internal sealed record SampleSummary(
    InvocationStatus Status,
    int Invocations,
    int LinesWritten,
    int LinesKeptOut,
    IReadOnlyList<string> Duplicates,
    string Result);
