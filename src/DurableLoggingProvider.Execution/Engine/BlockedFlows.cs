using System.Collections.Generic;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The awaits that wait on the service: a wait's timer, a retry's delay, a callback's answer, an invoke's
/// result. After every merge of a checkpoint's answer, an await whose operation the state now shows
/// finished (terminal, or a step <c>READY</c> for its next attempt) is resumed in this invocation, and its
/// flow runs again, instead of the invocation ending <c>PENDING</c> with nothing pending.
/// </summary>
internal sealed class BlockedFlows
{
    private readonly object _lock = new();
    private readonly List<BlockedAwait> _blocked = [];
    private readonly CheckpointState _state;
    private readonly RunningFlows _running;

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

            var blocked = new BlockedAwait(flow, operationId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _blocked.Add(blocked);
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
            foreach (var blocked in _blocked)
            {
                if (_state.Get(blocked.OperationId) is null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Resumes the awaits whose operations the state now shows finished; called after each merge.</summary>
    public void ResumeFinished()
    {
        List<BlockedAwait>? resumed = null;
        lock (_lock)
        {
            for (var i = _blocked.Count - 1; i >= 0; i--)
            {
                var blocked = _blocked[i];
                if (!HasFinished(_state.Get(blocked.OperationId)))
                {
                    continue;
                }

                _blocked.RemoveAt(i);
                if (blocked.Flow.Resume())
                {
                    _running.Add(1);
                }

                (resumed ??= []).Add(blocked);
            }
        }

        if (resumed is null)
        {
            return;
        }

        foreach (var blocked in resumed)
        {
            blocked.Resumed.TrySetResult();
        }
    }

    private sealed record BlockedAwait(ExecutionFlow Flow, string OperationId, TaskCompletionSource Resumed);
}
