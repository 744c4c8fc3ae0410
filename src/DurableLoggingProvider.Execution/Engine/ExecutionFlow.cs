namespace DurableLoggingProvider.Execution;

/// <summary>
/// One line of work that can block on a durable operation: the root handler, or one worker of a map or
/// parallel. A child context runs in its creator's flow. A flow may await more than one unfinished
/// operation at once (two callbacks' results, say); it is blocked while any of those awaits is, and runs
/// again when the service's state shows the last of them finished.
/// </summary>
internal sealed class ExecutionFlow
{
    private int _blockedAwaits;

    /// <summary>One more await of this flow waits on the service; true when the flow was running until now.</summary>
    public bool Block() => System.Threading.Interlocked.Increment(ref _blockedAwaits) == 1;

    /// <summary>One await of this flow was resumed; true when the flow now runs again.</summary>
    public bool Resume() => System.Threading.Interlocked.Decrement(ref _blockedAwaits) == 0;
}
