using System;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Benchmarks.Replay;

/// <summary>
/// The durable service of an execution whose history is complete: replaying it needs no call, so any call
/// is a broken benchmark and fails the invocation.
/// </summary>
internal sealed class UnreachableServiceClient : IDurableServiceClient
{
    public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The replayed history is complete: the engine must not checkpoint.");

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The replayed history is on one page: the engine must not ask for another.");
}
