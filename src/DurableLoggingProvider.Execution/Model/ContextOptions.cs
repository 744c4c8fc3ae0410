namespace DurableLoggingProvider.Execution;

/// <summary>Options of a <c>CONTEXT</c> update.</summary>
public sealed class ContextOptions
{
    /// <summary>Set on <c>SUCCEED</c> when the result is too large to store: the children are kept and replayed.</summary>
    public bool? ReplayChildren { get; set; }
}
