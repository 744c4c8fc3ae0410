using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// The runner's way to the in-memory service, which crashes invocations on purpose: after a number of
/// checkpoint calls (<see cref="LocalRunnerOptions.CrashAfterCheckpoints"/>), or at an operation's checkpoint
/// (<see cref="LocalRunnerOptions.CrashAt"/>). Once an invocation has crashed, every later call it makes fails.
/// </summary>
internal sealed class CrashingServiceClient : IDurableServiceClient
{
    private readonly InMemoryDurableService _service;
    private readonly List<CrashPoint> _unfired;
    private readonly Dictionary<string, string> _names = [];
    private readonly List<string> _seen = [];
    private readonly HashSet<string> _seenIds = [];
    private readonly object _lock = new();
    private int _invocation;
    private int? _limit;
    private int _calls;
    private string? _crash;

    public CrashingServiceClient(InMemoryDurableService service, IEnumerable<CrashPoint> crashPoints)
    {
        _service = service;
        _unfired = [.. crashPoints];
        foreach (var point in _unfired)
        {
            point.Validate();
        }
    }

    /// <summary>Whether the current invocation crashed.</summary>
    public bool Fired
    {
        get
        {
            lock (_lock)
            {
                return _crash is not null;
            }
        }
    }

    /// <summary>Sets up invocation <paramref name="number"/>: crash after <paramref name="limit"/> checkpoint calls, or not by count when <see langword="null"/>.</summary>
    public void Arm(int number, int? limit)
    {
        lock (_lock)
        {
            _invocation = number;
            _limit = limit;
            _calls = 0;
            _crash = null;
        }
    }

    /// <summary>The crash points that have not fired.</summary>
    public IReadOnlyList<CrashPoint> Unfired()
    {
        lock (_lock)
        {
            return [.. _unfired];
        }
    }

    /// <summary>The operations checkpointed during the run, by name (or id, when unnamed), for an error about a crash point that never fired.</summary>
    public IReadOnlyList<string> OperationsSeen()
    {
        lock (_lock)
        {
            return [.. _seen.Select(id => _names.TryGetValue(id, out var name) ? $"'{name}' ({id})" : id)];
        }
    }

    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CrashPoint? after;
        lock (_lock)
        {
            ThrowIfCrashed();
            Learn(request.Updates);
            if (_limit is { } limit && ++_calls > limit)
            {
                throw Crash($"Injected crash after {limit} checkpoint call(s).");
            }

            if (Take(request.Updates, CrashMoment.BeforeCheckpoint) is { } before)
            {
                throw Crash($"Injected crash {before}.");
            }

            after = Take(request.Updates, CrashMoment.AfterCheckpoint);
        }

        var response = await _service.CheckpointAsync(request, cancellationToken).ConfigureAwait(false);
        if (after is not null)
        {
            lock (_lock)
            {
                throw Crash($"Injected crash {after}: the service applied the call, the invocation died before its answer.");
            }
        }

        return response;
    }

    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ThrowIfCrashed();
        }

        return _service.GetExecutionStateAsync(request, cancellationToken);
    }

    private void ThrowIfCrashed()
    {
        if (_crash is { } crash)
        {
            throw new InvalidOperationException($"The invocation crashed ({crash}); a dead invocation makes no calls.");
        }
    }

    private InvalidOperationException Crash(string message)
    {
        _crash = message;
        return new InvalidOperationException(message);
    }

    /// <summary>Keeps each operation's name: an update may leave it out once the operation has started.</summary>
    private void Learn(IEnumerable<OperationUpdate> updates)
    {
        foreach (var update in updates)
        {
            if (_seenIds.Add(update.Id))
            {
                _seen.Add(update.Id);
            }

            if (!string.IsNullOrEmpty(update.Name))
            {
                _names[update.Id] = update.Name;
            }
        }
    }

    /// <summary>The first unfired crash point at <paramref name="moment"/> that an update in the call matches, now fired.</summary>
    private CrashPoint? Take(IEnumerable<OperationUpdate> updates, CrashMoment moment)
    {
        var point = _unfired.FirstOrDefault(point =>
            point.Moment == moment && (point.Invocation is null || point.Invocation == _invocation) && updates.Any(update => Matches(point, update)));
        if (point is not null)
        {
            _unfired.Remove(point);
        }

        return point;
    }

    private bool Matches(CrashPoint point, OperationUpdate update) =>
        (point.Action is null || point.Action == update.Action)
        && (point.OperationId is null || point.OperationId == update.Id)
        && (point.OperationName is null || (_names.TryGetValue(update.Id, out var name) && name == point.OperationName));
}
