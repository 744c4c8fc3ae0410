namespace DurableLoggingProvider.Testing;

/// <summary>How the in-memory durable service behaves.</summary>
public sealed class InMemoryServiceOptions
{
    /// <summary>How many operations each page of state holds; <see langword="null"/> for one page with everything.</summary>
    public int? PageSize { get; init; }

    /// <summary>
    /// Whether the children of a finished <c>CONTEXT</c> are dropped from the state, as the real service does
    /// (unless the context set <c>ReplayChildren</c>). Default <see langword="true"/>; local runners commonly keep them.
    /// </summary>
    public bool PruneFinishedContexts { get; init; } = true;
}
