using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Knows when the invocation is idle: every flow is blocked on a durable operation that only the service
/// can finish (a wait, a callback, a retry delay, an invoke), and no step body is running. Counting flows
/// instead of suspending at the first pending operation lets parallel branches and map items finish the
/// work they can before the invocation ends. Idle is not final: a checkpoint's answer can show that an
/// operation a flow waits on has finished, and that flow then runs again (<see cref="BlockedFlows"/>).
/// </summary>
internal sealed class RunningFlows
{
    private readonly object _lock = new();
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _active = 1;

    /// <summary>Completes when nothing runs; a new task once something runs again.</summary>
    public Task Idle
    {
        get
        {
            lock (_lock)
            {
                return _idle.Task;
            }
        }
    }

    /// <summary>How many flows and step bodies run now.</summary>
    public int Running
    {
        get
        {
            lock (_lock)
            {
                return _active;
            }
        }
    }

    /// <summary>Whether nothing runs now.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return _active == 0;
            }
        }
    }

    /// <summary>More work started (step bodies, workers beyond the one that takes over their creator's turn, a resumed flow).</summary>
    public void Add(int count)
    {
        if (count == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_active == 0 && _idle.Task.IsCompleted)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _active += count;
        }
    }

    /// <summary>Work ended or blocked without handing its turn to anyone.</summary>
    public void Remove()
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            if (--_active == 0)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }
}
