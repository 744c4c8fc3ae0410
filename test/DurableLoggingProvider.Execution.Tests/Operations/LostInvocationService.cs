using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// Stands between the engine and the in-memory service: loses an invocation after a given number of
/// checkpoint calls (the call that would follow never reaches the service, as when Lambda's sandbox dies
/// mid-body), and refuses a <c>START</c> of a step that is neither new nor <c>READY</c>, as AWS's checkpoint
/// server does, whatever the in-memory service itself accepts.
/// </summary>
internal sealed class LostInvocationService(InMemoryDurableService service) : IDurableServiceClient
{
    /// <summary>AWS's checkpoint server's words for the refusal.</summary>
    public const string InvalidStart = "Invalid current STEP state to start.";

    private readonly object _lock = new();
    private readonly List<OperationUpdate> _refusedStarts = [];
    private int? _loseAfter;
    private int _calls;

    /// <summary>The <c>START</c> updates refused because their step was already started or finished.</summary>
    public IReadOnlyList<OperationUpdate> RefusedStarts
    {
        get
        {
            lock (_lock)
            {
                return _refusedStarts.ToList();
            }
        }
    }

    /// <summary>Loses the next invocation after <paramref name="calls"/> checkpoint calls; <see langword="null"/> to lose nothing.</summary>
    public void LoseNextInvocationAfter(int? calls)
    {
        lock (_lock)
        {
            _loseAfter = calls;
            _calls = 0;
        }
    }

    public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            if (_loseAfter is { } limit && ++_calls > limit)
            {
                throw new InvalidOperationException($"The invocation was lost after {limit} checkpoint call(s).");
            }

            var operations = service.Operations;
            foreach (var update in request.Updates.Where(update => update is { Type: OperationType.Step, Action: OperationAction.Start }))
            {
                var current = operations.FirstOrDefault(operation => operation.Id == update.Id);
                if (current is not null && current.Status != OperationStatus.Ready)
                {
                    _refusedStarts.Add(update);
                    throw new InvalidCheckpointException($"{InvalidStart} ({update.Id} is {current.Status})");
                }
            }
        }

        return service.CheckpointAsync(request, cancellationToken);
    }

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken) =>
        service.GetExecutionStateAsync(request, cancellationToken);
}
