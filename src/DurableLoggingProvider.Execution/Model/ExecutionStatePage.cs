using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>One page of a durable execution's operations.</summary>
public sealed class ExecutionStatePage
{
    /// <summary>The operations on this page.</summary>
    public List<Operation> Operations { get; set; } = [];

    /// <summary>The marker of the next page; empty or absent when this is the last.</summary>
    public string? NextMarker { get; set; }
}
