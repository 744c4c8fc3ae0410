using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>What one read of the state by the <see cref="StatePager"/> has seen so far: the input's state, or one checkpoint's answer.</summary>
internal sealed class StateRead(bool isLoad)
{
    /// <summary>Whether this is the load of the input's state, rather than a checkpoint's answer.</summary>
    public bool IsLoad { get; } = isLoad;

    /// <summary>The pages this read has taken so far, in order: where the load says a duplicate id was first read, what an answer merged.</summary>
    public List<StateReadPage> Pages { get; } = [];

    /// <summary>The <c>EXECUTION</c> operation found by this read, before its page is merged.</summary>
    public Operation? Execution { get; set; }

    /// <summary>Where <see cref="Execution"/> was read.</summary>
    public string? ExecutionAt { get; set; }

    /// <summary>The marker of the page read last; <see langword="null"/> for the first.</summary>
    public string? Marker { get; set; }
}
