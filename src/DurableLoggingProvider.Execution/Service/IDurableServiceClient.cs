using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The two calls the engine makes to the durable execution service. The Lambda service client
/// implements it in production; the local runner (<c>DurableLoggingProvider.Testing</c>) implements it
/// in memory.
/// </summary>
public interface IDurableServiceClient
{
    /// <summary>Sends checkpoint updates (<c>CheckpointDurableExecution</c>); the answer carries the next token and the changed operations.</summary>
    /// <param name="request">The execution, the current token and the updates, in order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken);

    /// <summary>Reads one page of the execution's operations (<c>GetDurableExecutionState</c>).</summary>
    /// <param name="request">The execution, the current token, the page's marker and its size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken);
}
