using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// Stands between the engine and the in-memory service: before one chosen checkpoint call, moves the service's
/// clock on (firing the timers due by then, as when timers fire while an invocation runs), and answers that
/// call with the operations the timers changed as well as those the call changed, as AWS's checkpoint server
/// does (its answer carries every operation changed since the previous call).
/// </summary>
internal sealed class TimersFiredDuringCheckpoint(InMemoryDurableService service) : IDurableServiceClient
{
    private readonly object _lock = new();
    private (int Call, TimeSpan By)? _advance;
    private int _calls;

    /// <summary>Before checkpoint call <paramref name="call"/> (1-based, counted over every invocation), advances the clock by <paramref name="by"/>.</summary>
    public void AdvanceBefore(int call, TimeSpan by)
    {
        lock (_lock)
        {
            _advance = (call, by);
        }
    }

    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<Operation>? before = null;
        lock (_lock)
        {
            if (++_calls == _advance?.Call)
            {
                before = service.Operations;
                service.AdvanceTo(service.Now + _advance.Value.By);
            }
        }

        var response = await service.CheckpointAsync(request, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return response;
        }

        var answered = response.NewExecutionState!.Operations.Select(operation => operation.Id).ToHashSet(StringComparer.Ordinal);
        var fired = service.Operations.Where(now => !answered.Contains(now.Id) && before.Any(then => then.Id == now.Id && then.Status != now.Status));
        response.NewExecutionState.Operations.AddRange(fired);
        return response;
    }

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken) =>
        service.GetExecutionStateAsync(request, cancellationToken);
}
