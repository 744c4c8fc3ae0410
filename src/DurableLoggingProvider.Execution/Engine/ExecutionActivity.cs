using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Knows when the invocation should suspend: when every flow is blocked on a durable operation that
/// only the service can finish (a wait, a callback, a retry delay, an invoke), and no step body is
/// running. Counting flows instead of suspending at the first pending operation lets parallel branches
/// and map items finish the work they can before the invocation ends.
/// </summary>
internal sealed class ExecutionActivity
{
    private readonly TaskCompletionSource _suspended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _active = 1;

    /// <summary>Completes when the invocation must suspend.</summary>
    public Task Suspended => _suspended.Task;

    /// <summary>More work started (step bodies, or workers beyond the one that takes over their creator's turn).</summary>
    public void Add(int count)
    {
        if (count != 0)
        {
            Interlocked.Add(ref _active, count);
        }
    }

    /// <summary>Work ended without handing its turn to anyone.</summary>
    public void Remove()
    {
        if (Interlocked.Decrement(ref _active) == 0)
        {
            _suspended.TrySetResult();
        }
    }

    /// <summary>A flow waits on the service; returns whether this blocked it (a flow is counted once).</summary>
    public bool Block(ExecutionFlow flow)
    {
        if (!flow.TryBlock())
        {
            return false;
        }

        Remove();
        return true;
    }
}
