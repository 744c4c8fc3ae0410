using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// What a map's or parallel's <c>CONTEXT</c> operation stores as its result: each item's status and
/// serialized result or error, so that replay returns it without the items' own operations (which the
/// service drops once the map has finished).
/// </summary>
internal sealed class BatchSummary
{
    public List<BatchSummaryItem> Items { get; set; } = [];
}
