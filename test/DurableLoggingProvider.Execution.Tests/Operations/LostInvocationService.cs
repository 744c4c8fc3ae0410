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
    private bool _startsOnRecord;
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
    /// <param name="calls">How many calls reach the service before the invocation is lost.</param>
    /// <param name="startsOnRecord">
    /// Whether the STARTs of the lost call were already on record: the engine sends an at-least-once step's
    /// START with its outcome, so a step is left STARTED only when its START rode on another flow's call made
    /// while the body ran (or an SDK that sends it alone ran before). The lost call's STARTs then reach the
    /// service, the rest of it does not.
    /// </param>
    public void LoseNextInvocationAfter(int? calls, bool startsOnRecord = false)
    {
        lock (_lock)
        {
            _loseAfter = calls;
            _startsOnRecord = startsOnRecord;
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
                var starts = request.Updates.Where(update => update.Action == OperationAction.Start).ToList();
                if (_startsOnRecord && starts.Count > 0)
                {
                    service.CheckpointAsync(new CheckpointRequest { DurableExecutionArn = request.DurableExecutionArn, CheckpointToken = request.CheckpointToken, Updates = starts }, cancellationToken)
                        .GetAwaiter().GetResult();
                }

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
