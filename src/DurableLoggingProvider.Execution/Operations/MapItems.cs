using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>A map's items, each run by the same function.</summary>
/// <param name="items">The items.</param>
/// <param name="func">Given an item's context, the item and its index, returns its result.</param>
/// <param name="namer">Names each item by its index; <see langword="null"/> for the default names.</param>
internal readonly struct MapItems<TItem, TResult>(IReadOnlyList<TItem> items, Func<IDurableContext, TItem, int, Task<TResult>> func, Func<int, string?>? namer)
    : IBatchItems<TResult>
{
    public string SubType => OperationSubTypes.Map;

    public string ItemSubType => OperationSubTypes.MapIteration;

    public int Count => items.Count;

    public string ItemName(int index) => namer?.Invoke(index) is { Length: > 0 } name ? name : BatchItemNames.MapItem(index);

    public Task<TResult> RunAsync(DurableContext context, int index) => func(context, items[index], index);
}
