namespace DurableLoggingProvider.Execution;

/// <summary>
/// One line of work that can block on a durable operation: the root handler, or one worker of a map or
/// parallel. A child context runs in its creator's flow. A flow blocks at most once per invocation:
/// what it waits for is only resolved by the service between invocations.
/// </summary>
internal sealed class ExecutionFlow
{
    private int _blocked;

    /// <summary>Marks the flow blocked; true the first time only.</summary>
    public bool TryBlock() => System.Threading.Interlocked.Exchange(ref _blocked, 1) == 0;
}
