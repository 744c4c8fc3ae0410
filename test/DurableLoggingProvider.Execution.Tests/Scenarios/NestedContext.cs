namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>The context operations a previous invocation can stop inside (replay-gate.md, rule 3).</summary>
public enum NestedContext
{
    /// <summary>A child context whose body waits.</summary>
    ChildContext,

    /// <summary>A map whose items wait.</summary>
    Map,

    /// <summary>A parallel whose branches wait.</summary>
    Parallel,

    /// <summary>A wait-for-callback whose own callback is answered at the first suspension.</summary>
    WaitForCallback,
}
