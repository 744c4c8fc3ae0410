using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// A durable service that answers as the test tells it to, however wrongly: null pages and answers,
/// markers that repeat, operations no real service sends. By default it accepts every checkpoint with
/// a new token and no state, and serves no page. It records every call.
/// </summary>
internal sealed class HostileServiceClient : IDurableServiceClient
{
    private readonly object _lock = new();
    private readonly List<CheckpointRequest> _checkpoints = [];
    private readonly List<ExecutionStateRequest> _stateReads = [];

    /// <summary>The page to serve for a state read; may return null.</summary>
    public Func<ExecutionStateRequest, ExecutionStatePage?> Page { get; init; } =
        request => throw new InvalidOperationException($"This service serves no page; asked for marker '{request.Marker}'.");

    /// <summary>The answer to the checkpoint with this number (1-based); may return null.</summary>
    public Func<int, CheckpointRequest, CheckpointResponse?> Answer { get; init; } =
        (number, _) => new CheckpointResponse { CheckpointToken = "token-" + number.ToString(CultureInfo.InvariantCulture), NewExecutionState = new ExecutionStatePage() };

    public IReadOnlyList<CheckpointRequest> Checkpoints
    {
        get
        {
            lock (_lock)
            {
                return [.. _checkpoints];
            }
        }
    }

    public IReadOnlyList<ExecutionStateRequest> StateReads
    {
        get
        {
            lock (_lock)
            {
                return [.. _stateReads];
            }
        }
    }

    public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        int number;
        lock (_lock)
        {
            _checkpoints.Add(request);
            number = _checkpoints.Count;
        }

        return Task.FromResult(Answer(number, request)!);
    }

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _stateReads.Add(request);
        }

        return Task.FromResult(Page(request)!);
    }
}
