using System.Collections.Concurrent;
using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The execution's operations as this invocation knows them: every page of the input's state, then
/// whatever each checkpoint's answer adds or changes, merged by id.
/// </summary>
internal sealed class CheckpointState
{
    private readonly ConcurrentDictionary<string, Operation> _operations = new();
    private readonly HashSet<string> _updated;

    public CheckpointState(IEnumerable<string>? updatedOperationIds)
    {
        _updated = new HashSet<string>(updatedOperationIds ?? []);
    }

    /// <summary>The <c>EXECUTION</c> operation, carrying the input: the first merged, so that no later answer can change the input.</summary>
    public Operation? Execution { get; private set; }

    /// <summary>Whether any operation other than the <c>EXECUTION</c> one was checkpointed: the root context then starts replaying.</summary>
    public bool HasCheckpointedWork
    {
        get
        {
            foreach (var operation in _operations.Values)
            {
                if (operation.Type != OperationType.Execution)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Whether an operation is pending, so that the invocation may end <c>PENDING</c> (durable-wire-format.md
    /// section 3): a STEP in <c>PENDING</c>, or a WAIT, CALLBACK or CHAINED_INVOKE in <c>STARTED</c>.
    /// </summary>
    public bool HasPendingOperation()
    {
        foreach (var operation in _operations.Values)
        {
            var pending = operation.Type switch
            {
                OperationType.Step => operation.Status == OperationStatus.Pending,
                OperationType.Wait or OperationType.Callback or OperationType.ChainedInvoke => operation.Status == OperationStatus.Started,
                _ => false,
            };
            if (pending)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many operations the state holds.</summary>
    public int Count => _operations.Count;

    public Operation? Get(string id) => _operations.TryGetValue(id, out var operation) ? operation : null;

    /// <summary>Whether the service listed the operation as changed while the execution was suspended.</summary>
    public bool WasUpdated(string id) => _updated.Contains(id);

    /// <summary>Merges operations by id; the <see cref="StatePager"/> has checked them.</summary>
    public void Merge(IEnumerable<Operation>? operations)
    {
        if (operations is null)
        {
            return;
        }

        foreach (var operation in operations)
        {
            _operations[operation.Id] = operation;
            if (operation.Type == OperationType.Execution)
            {
                Execution ??= operation;
            }
        }
    }
}
