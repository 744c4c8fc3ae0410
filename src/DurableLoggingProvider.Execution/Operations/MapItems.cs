using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A map's items, each run by the same function.</summary>
/// <param name="items">The items.</param>
/// <param name="func">Given an item's context, the item and its index, returns its result.</param>
internal readonly struct MapItems<TItem, TResult>(IReadOnlyList<TItem> items, Func<IDurableContext, TItem, int, Task<TResult>> func) : IBatchItems<TResult>
{
    public string SubType => OperationSubTypes.Map;

    public string ItemSubType => OperationSubTypes.MapIteration;

    public int Count => items.Count;

    public Task<TResult> RunAsync(DurableContext context, int index) => func(context, items[index], index);
}
