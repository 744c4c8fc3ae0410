using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>Passes every call on, and keeps each checkpoint call's updates, call by call.</summary>
internal sealed class RecordedCheckpointCalls(IDurableServiceClient inner) : IDurableServiceClient
{
    private readonly object _lock = new();
    private readonly List<IReadOnlyList<OperationUpdate>> _calls = [];

    /// <summary>Each checkpoint call's updates, in the order sent.</summary>
    public IReadOnlyList<IReadOnlyList<OperationUpdate>> Calls
    {
        get
        {
            lock (_lock)
            {
                return _calls.ToList();
            }
        }
    }

    public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _calls.Add(request.Updates.ToList());
        }

        return inner.CheckpointAsync(request, cancellationToken);
    }

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken) =>
        inner.GetExecutionStateAsync(request, cancellationToken);
}
