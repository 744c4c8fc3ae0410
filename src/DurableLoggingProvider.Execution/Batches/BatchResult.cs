using System;
using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>The outcomes of every item of a map or branch of a parallel, in order. A failed item does not throw; inspect it here.</summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class BatchResult<T>
{
    internal BatchResult(IReadOnlyList<BatchItem<T>> items)
    {
        Items = items;
    }

    /// <summary>Every item's outcome, by index.</summary>
    public IReadOnlyList<BatchItem<T>> Items { get; }

    /// <summary>Whether any item failed.</summary>
    public bool HasFailure
    {
        get
        {
            foreach (var item in Items)
            {
                if (item.Status == BatchItemStatus.Failed)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The results, in order.</summary>
    /// <exception cref="DurableOperationFailedException">An item failed; the message names the first.</exception>
    public IReadOnlyList<T?> GetResults()
    {
        var results = new T?[Items.Count];
        foreach (var item in Items)
        {
            if (item.Status == BatchItemStatus.Failed)
            {
                throw new DurableOperationFailedException($"Item {item.Index} failed: {item.Error?.ErrorType}: {item.Error?.ErrorMessage}");
            }

            results[item.Index] = item.Result;
        }

        return Array.AsReadOnly(results);
    }
}
