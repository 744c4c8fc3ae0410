using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The execution's operations as this invocation knows them: every page of the input's state, then
/// whatever each checkpoint's answer adds or changes, merged by id.
/// </summary>
/// <remarks>
/// Two maps, so that replaying a long history costs no object per operation: the input's state, loaded
/// before any flow runs and never written again, in a plain <see cref="Dictionary{TKey, TValue}"/> sized
/// for its first page (safe for any number of readers once written); and the answers' operations, which
/// arrive while flows read, in a <see cref="ConcurrentDictionary{TKey, TValue}"/> that is looked at only
/// once it holds something. An answer's operation overrides the loaded one with its id.
/// </remarks>
internal sealed class CheckpointState
{
    private readonly Dictionary<string, Operation> _loaded;
    private readonly ConcurrentDictionary<string, Operation> _answered = new(System.StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, Operation>.AlternateLookup<ReadOnlySpan<char>> _loadedById;
#endif
    private readonly HashSet<string> _updated;
    private int _answeredCount;
    private int _answeredOnlyCount;
    private int _version;
    private volatile bool _hasCheckpointedWork;

    /// <param name="updatedOperationIds">The ids the service listed as changed while the execution was suspended.</param>
    /// <param name="expectedOperations">How many operations the input's state holds on its first page, to size the map once.</param>
    public CheckpointState(IEnumerable<string>? updatedOperationIds, int expectedOperations = 0)
    {
        _updated = new HashSet<string>(updatedOperationIds ?? []);
        _loaded = new Dictionary<string, Operation>(expectedOperations, System.StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _loadedById = _loaded.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>The <c>EXECUTION</c> operation, carrying the input: the first merged, so that no later answer can change the input.</summary>
    public Operation? Execution { get; private set; }

    /// <summary>Whether any operation other than the <c>EXECUTION</c> one was checkpointed: the root context then starts replaying.</summary>
    public bool HasCheckpointedWork => _hasCheckpointedWork;

    /// <summary>
    /// Moves on after every merged answer, once its operations are in: an operation read while it stays the
    /// same is still the state's, so a reader may keep it instead of looking it up again.
    /// </summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>How many operations the state holds.</summary>
    public int Count => _loaded.Count + Volatile.Read(ref _answeredOnlyCount);

    /// <summary>
    /// Whether an operation is pending, so that the invocation may end <c>PENDING</c> (durable-wire-format.md
    /// section 3): a STEP in <c>PENDING</c>, or a WAIT, CALLBACK or CHAINED_INVOKE in <c>STARTED</c>.
    /// </summary>
    public bool HasPendingOperation()
    {
        foreach (var answered in _answered)
        {
            if (IsPending(answered.Value))
            {
                return true;
            }
        }

        foreach (var loaded in _loaded)
        {
            if (IsPending(loaded.Value) && !_answered.ContainsKey(loaded.Key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation with this id, the answers' over the input's; <see langword="null"/> for none.</summary>
    public Operation? Get(string id)
    {
        if (Volatile.Read(ref _answeredCount) > 0 && _answered.TryGetValue(id, out var answered))
        {
            return answered;
        }

        return _loaded.TryGetValue(id, out var loaded) ? loaded : null;
    }

    /// <summary>
    /// <see cref="Get(string)"/> for an id not made a string: replay looks up each id it derives, and a found
    /// operation's own <see cref="Operation.Id"/> then serves as the id.
    /// </summary>
    /// <remarks>On .NET 8, which has no alternate lookup for a dictionary, the id is made a string to look it up.</remarks>
    public Operation? Get(ReadOnlySpan<char> id)
    {
#if NET9_0_OR_GREATER
        if (Volatile.Read(ref _answeredCount) > 0 && _answered.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var answered))
        {
            return answered;
        }

        return _loadedById.TryGetValue(id, out var loaded) ? loaded : null;
#else
        return Get(id.ToString());
#endif
    }

    /// <summary>Whether the service listed the operation as changed while the execution was suspended.</summary>
    public bool WasUpdated(string id) => _updated.Contains(id);

    /// <summary>
    /// Adds an operation of the input's state, unless the state holds one with its id already (then
    /// <see langword="false"/>): the <see cref="StatePager"/>'s load, which checks each operation as it adds
    /// it, before any flow reads the state. The <c>EXECUTION</c> operation is taken by
    /// <see cref="TakeExecution"/> once its page is valid.
    /// </summary>
    public bool TryLoad(Operation operation)
    {
        if (!_loaded.TryAdd(operation.Id, operation))
        {
            return false;
        }

        if (operation.Type != OperationType.Execution)
        {
            _hasCheckpointedWork = true;
        }

        return true;
    }

    /// <summary>Takes the <c>EXECUTION</c> operation a valid page of the load held, unless the state has one.</summary>
    public void TakeExecution(Operation? execution) => Execution ??= execution;

    /// <summary>Merges a checkpoint's answer by id; the <see cref="StatePager"/> has checked it.</summary>
    public void Merge(IEnumerable<Operation>? operations)
    {
        if (operations is null)
        {
            return;
        }

        foreach (var operation in operations)
        {
            if (_answered.TryAdd(operation.Id, operation))
            {
                if (!_loaded.ContainsKey(operation.Id))
                {
                    Interlocked.Increment(ref _answeredOnlyCount);
                }

                Interlocked.Increment(ref _answeredCount);
            }
            else
            {
                _answered[operation.Id] = operation;
            }

            if (operation.Type == OperationType.Execution)
            {
                Execution ??= operation;
            }
            else
            {
                _hasCheckpointedWork = true;
            }
        }

        // After the writes: a reader that read the version before them sees it move.
        Interlocked.Increment(ref _version);
    }

    private static bool IsPending(Operation operation) => operation.Type switch
    {
        OperationType.Step => operation.Status == OperationStatus.Pending,
        OperationType.Wait or OperationType.Callback or OperationType.ChainedInvoke => operation.Status == OperationStatus.Started,
        _ => false,
    };
}
