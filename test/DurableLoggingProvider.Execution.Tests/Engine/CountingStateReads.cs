using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>Passes every call on to the service, counting the pages of state the engine reads.</summary>
internal sealed class CountingStateReads(IDurableServiceClient inner) : IDurableServiceClient
{
    private int _pagesRead;

    public int PagesRead => Volatile.Read(ref _pagesRead);

    public void Reset() => Interlocked.Exchange(ref _pagesRead, 0);

    public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken) =>
        inner.CheckpointAsync(request, cancellationToken);

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pagesRead);
        return inner.GetExecutionStateAsync(request, cancellationToken);
    }
}
