using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The awaits that wait on the service: a wait's timer, a retry's delay, a callback's answer, an invoke's
/// result. After every merge of a checkpoint's answer, an await whose operation the state now shows
/// finished (terminal, or a step <c>READY</c> for its next attempt) is resumed in this invocation, and its
/// flow runs again, instead of the invocation ending <c>PENDING</c> with nothing pending. The awaits are kept
/// by operation id, so that a merge looks only at the operations it changed: many flows blocked at once (a
/// map's items, each on its own wait) cost each answer nothing.
/// </summary>
internal sealed class BlockedFlows
{
    private readonly object _lock = new();
    private readonly Dictionary<string, List<BlockedAwait>> _blocked = new(StringComparer.Ordinal);
    private readonly CheckpointState _state;
    private readonly RunningFlows _running;
    private long _registered;

    public BlockedFlows(CheckpointState state, RunningFlows running)
    {
        _state = state;
        _running = running;
    }

    /// <summary>Whether an operation no longer keeps its await waiting: it ended, or a step is ready for its next attempt.</summary>
    public static bool HasFinished(Operation? operation) =>
        operation is { } found && (found.Status.IsTerminal() || (found.Type == OperationType.Step && found.Status == OperationStatus.Ready));

    /// <summary>Blocks <paramref name="flow"/> until the state shows <paramref name="operationId"/> finished.</summary>
    public Task WaitAsync(ExecutionFlow flow, string operationId)
    {
        lock (_lock)
        {
            if (HasFinished(_state.Get(operationId)))
            {
                return Task.CompletedTask;
            }

            var blocked = new BlockedAwait(flow, _registered++, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            if (!_blocked.TryGetValue(operationId, out var awaits))
            {
                awaits = [];
                _blocked.Add(operationId, awaits);
            }

            awaits.Add(blocked);
            if (flow.Block())
            {
                _running.Remove();
            }

            return blocked.Resumed.Task;
        }
    }

    /// <summary>
    /// Whether an operation some await waits on is one the service holds unfinished, or one the state does not
    /// hold (its START was sent and the answer did not list it): only then may the invocation end <c>PENDING</c>.
    /// </summary>
    public bool WaitOnUnknownOperation()
    {
        lock (_lock)
        {
            foreach (var operationId in _blocked.Keys)
            {
                if (_state.Get(operationId) is null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Resumes the awaits whose operations the state now shows finished; called after each merge with the pages
    /// it merged, the only operations whose state it changed. The latest blocked resumes first.
    /// </summary>
    public void ResumeFinished(IReadOnlyList<StateReadPage> merged)
    {
        List<BlockedAwait>? resumed = null;
        lock (_lock)
        {
            if (_blocked.Count == 0)
            {
                return;
            }

            foreach (var page in merged)
            {
                foreach (var operation in page.Operations)
                {
                    if (operation is null || !_blocked.TryGetValue(operation.Id, out var awaits) || !HasFinished(_state.Get(operation.Id)))
                    {
                        continue;
                    }

                    _blocked.Remove(operation.Id);
                    foreach (var blocked in awaits)
                    {
                        if (blocked.Flow.Resume())
                        {
                            _running.Add(1);
                        }
                    }

                    (resumed ??= []).AddRange(awaits);
                }
            }
        }

        if (resumed is null)
        {
            return;
        }

        resumed.Sort(static (first, second) => second.Registered.CompareTo(first.Registered));
        foreach (var blocked in resumed)
        {
            blocked.Resumed.TrySetResult();
        }
    }

    /// <param name="Flow">The flow the await blocks.</param>
    /// <param name="Registered">When it blocked, as a count of the awaits blocked before it.</param>
    /// <param name="Resumed">Completes when it resumes.</param>
    private sealed record BlockedAwait(ExecutionFlow Flow, long Registered, TaskCompletionSource Resumed);
}
