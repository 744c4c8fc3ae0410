using System.Collections.Generic;

namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>One execution's checkpoint traffic: its invocations, in order, each a list of checkpoint calls.</summary>
internal sealed record RefusalScript(string Name, IReadOnlyList<IReadOnlyList<CorpusRequest>> Invocations)
{
    public override string ToString() => Name;
}
