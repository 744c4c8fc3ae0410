using System;

namespace DurableLoggingProvider.Execution;

/// <summary>A map's settings.</summary>
public sealed class MapConfig
{
    /// <summary>How many items run at once; <see langword="null"/> for all of them.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>
    /// Names each item's operation, given its index (<c>index => $"order-{orders[index].Id}"</c>): the name the
    /// service records and the item's <see cref="IDurableContext.OperationName"/>. <see langword="null"/>, or a
    /// name that is <see langword="null"/> or empty, gives the item AWS's default, <c>map-item-</c> and its index.
    /// Names must be the same on every invocation, like the items.
    /// </summary>
    public Func<int, string?>? ItemNamer { get; init; }
}
