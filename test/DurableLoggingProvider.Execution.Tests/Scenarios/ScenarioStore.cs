using System;
using System.Collections.Generic;
using System.Linq;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>
/// One cell of the matrix every scenario must hold in (replay-gate.md, scenarios 11, 12 and 14): a replay
/// mode, a store that prunes the children of finished contexts or keeps them, and state delivered whole or
/// in pages of two operations.
/// </summary>
public sealed record ScenarioStore(ReplayMode Mode, bool Prunes, int? PageSize)
{
    /// <summary>Small enough that every scenario with more than two operations is read over several pages.</summary>
    public const int SmallPage = 2;

    /// <summary>Every cell: three modes, two stores, paged and unpaged.</summary>
    public static IEnumerable<TestCaseData> All() =>
        from mode in new[] { ReplayMode.Suppress, ReplayMode.Emit, ReplayMode.Mark }
        from prunes in new[] { true, false }
        from pageSize in new int?[] { null, SmallPage }
        let store = new ScenarioStore(mode, prunes, pageSize)
        select new TestCaseData(store).SetArgDisplayNames(store.ToString());

    /// <summary>The runner's options for this cell, with the scenario's own callback answers and crashes.</summary>
    public LocalRunnerOptions Options(Func<PendingCallback, CallbackAnswer?>? answerCallback = null, IDictionary<int, int>? crashAfterCheckpoints = null) => new()
    {
        ReplayMode = Mode,
        Service = new InMemoryServiceOptions { PruneFinishedContexts = Prunes, PageSize = PageSize },
        AnswerCallback = answerCallback,
        CrashAfterCheckpoints = crashAfterCheckpoints ?? new Dictionary<int, int>(),
    };

    public override string ToString() => $"{Mode}, {(Prunes ? "pruning" : "keeping")}, {(PageSize is null ? "unpaged" : $"pages of {PageSize}")}";
}
