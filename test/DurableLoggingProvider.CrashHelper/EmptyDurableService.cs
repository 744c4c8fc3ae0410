using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.CrashHelper;

/// <summary>
/// A durable service with nothing to tell: the execution's whole state came with the invocation, and a
/// checkpoint is taken and answered with the same token. Enough for an engine run that only logs.
/// </summary>
internal sealed class EmptyDurableService : IDurableServiceClient
{
    public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new CheckpointResponse { CheckpointToken = request.CheckpointToken });

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ExecutionStatePage());
}
