using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// One durable context (the root, a child context, a map item or a parallel branch): it claims operation
/// ids in order, replays checkpointed operations, and moves its <see cref="DurableContextState"/> from
/// replaying to live exactly where the previous invocation stopped, by the rules of the replay
/// specification (see docs/replay-gate.md). The operations themselves live in the other parts of this
/// class, one file each.
/// </summary>
internal sealed partial class DurableContext : IDurableContext, IExecutionContext
{
    /// <summary>Results larger than this are not stored on a context: its children are kept and replayed instead.</summary>
    private const int MaxStoredContextResultLength = 256 * 1024;

    private static readonly StepConfig s_defaultStepConfig = new();

    /// <summary>The operation whose body is running on this flow, if any: durable calls are not allowed there.</summary>
    private static readonly AsyncLocal<string?> s_runningBody = new();

    /// <summary>
    /// The context whose code is running on this flow. A callback may be awaited in a context other than the
    /// one that created it (a child context, a branch); its await belongs to the context that awaits.
    /// </summary>
    private static readonly AsyncLocal<DurableContext?> s_current = new();

    private readonly ExecutionRun _run;
    private readonly DurableContext? _enclosing;
    private readonly string? _parentId;
    private readonly ExecutionFlow _flow;
    private readonly bool _replayOnly;
    private readonly object _callbacksLock = new();
    private readonly List<string> _unawaitedCallbacks = [];
    private ILogger _logger;
    private int _position;

    /// <summary>
    /// The id rule 4 computed for the next position, kept so that claiming it does not hash it again. A
    /// reference, so that a concurrent reader sees a whole pair or none.
    /// </summary>
    private Tuple<int, string>? _nextId;

    /// <param name="run">The invocation's shared state.</param>
    /// <param name="state">This context's replay status, as the logging provider reads it.</param>
    /// <param name="enclosing">The context whose code created this one; <see langword="null"/> at the root.</param>
    /// <param name="parentId">The id of this context's own <c>CONTEXT</c> operation; <see langword="null"/> at the root.</param>
    /// <param name="flow">The flow the context's code runs in.</param>
    /// <param name="replayOnly">Whether the whole body replays (a finished context re-run for its children): no transition applies.</param>
    /// <param name="logger">What <see cref="Logger"/> writes through.</param>
    public DurableContext(ExecutionRun run, DurableContextState state, DurableContext? enclosing, string? parentId, ExecutionFlow flow, bool replayOnly, ILogger logger)
    {
        _run = run;
        State = state;
        _enclosing = enclosing;
        _parentId = parentId;
        _flow = flow;
        _replayOnly = replayOnly;
        _logger = logger;
    }

    public DurableContextState State { get; }

    public ILogger Logger => _logger;

    public IExecutionContext ExecutionContext => this;

    public string DurableExecutionArn => _run.ExecutionArn;

    public LambdaInvocation Invocation => _run.Invocation;

    public void SetLogger(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = new ReplayAwareLogger(logger, _run.ReplayMode ?? ReplayMode.Suppress);
    }

    /// <summary>Claims the next operation id; rule 1 (no checkpoint: go live) and the determinism check.</summary>
    private ClaimedOperation Claim(OperationType type, string subType, string? name)
    {
        if (s_runningBody.Value is { } body)
        {
            throw new InvalidOperationException(
                $"A durable operation ({type}, {Quote(name)}) was called inside the body of operation {body}. Step bodies and condition checks run as one unit of work; call durable operations from the workflow or a child context instead.");
        }

        var position = Interlocked.Increment(ref _position);
        var id = Volatile.Read(ref _nextId) is { } next && next.Item1 == position ? next.Item2 : OperationIds.Create(_parentId, position);
        var existing = _run.State.Get(id);
        if (existing is null)
        {
            GoLive(id, "its next operation is new work");
        }
        else if (existing.Type != type || (existing.SubType is not null && existing.SubType != subType) || !string.Equals(existing.Name, name, StringComparison.Ordinal))
        {
            throw NonDeterminism(
                $"Operation {position} of the {(_parentId is null ? "root context" : $"context {_parentId}")} was checkpointed as " +
                $"{existing.Type} ({existing.SubType ?? "no sub-type"}) named {Quote(existing.Name)}, but the code now calls " +
                $"{type} ({subType}) named {Quote(name)}. Workflow code must call the same durable operations in the same order on every invocation.");
        }

        return new ClaimedOperation(id, name, existing);
    }

    /// <summary>Fails the execution for non-determinism, whatever the workflow code does with the returned exception.</summary>
    private NonDeterministicExecutionException NonDeterminism(string message)
    {
        var error = new NonDeterministicExecutionException(message);
        _run.FailExecution(error);
        return error;
    }

    /// <summary>Rules 3 and 4: applied when the await of a durable call returns or throws.</summary>
    /// <param name="operationId">The awaited operation.</param>
    /// <param name="resumedInside">
    /// Whether the operation is a <c>CONTEXT</c> that was <c>STARTED</c> in the state this invocation was given: its
    /// body ran again here and got past the point where the previous invocation stopped inside it (rule 3).
    /// </param>
    private void AfterAwait(string operationId, bool resumedInside = false)
    {
        if (_replayOnly || !State.IsReplaying)
        {
            return;
        }

        if (_run.State.WasUpdated(operationId))
        {
            GoLive(operationId, "its operation finished while the execution was suspended");
            return;
        }

        if (resumedInside)
        {
            GoLive(operationId, "the previous invocation stopped inside it, and it has now ended");
            return;
        }

        var position = Volatile.Read(ref _position) + 1;
        var next = OperationIds.Create(_parentId, position);
        Volatile.Write(ref _nextId, Tuple.Create(position, next));
        if (_run.State.Get(next) is null && !HoldsUnawaitedCallback())
        {
            GoLive(next, "the next operation has no checkpoint");
        }
    }

    private void GoLive(string operationId, string reason)
    {
        if (_replayOnly || !State.IsReplaying)
        {
            return;
        }

        State.GoLive();
        EngineLog.ContextLive(_run.ReplayLog, _parentId ?? "root", operationId, reason);
    }

    /// <summary>
    /// The exception to rule 4: a callback created earlier whose await is where the previous invocation stopped.
    /// The enclosing contexts' callbacks count too: code in a child context or branch can await a callback its
    /// creator made, and then that await is where this context stopped.
    /// </summary>
    private bool HoldsUnawaitedCallback()
    {
        for (var context = this; context is not null; context = context._enclosing)
        {
            if (context.HoldsOwnUnawaitedCallback())
            {
                return true;
            }
        }

        return false;
    }

    private bool HoldsOwnUnawaitedCallback()
    {
        lock (_callbacksLock)
        {
            foreach (var id in _unawaitedCallbacks)
            {
                if (_run.State.Get(id)?.Status == OperationStatus.Started || _run.State.WasUpdated(id))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The calling flow waits for the service until the state shows the operation finished: the timer fired, the
    /// retry is ready, the answer came. Unless a checkpoint's answer in this invocation shows that, the flow
    /// never resumes here, and the invocation suspends once nothing else runs.
    /// </summary>
    private async Task BlockAsync(string operationId, OperationType type, string reason)
    {
        EngineLog.Blocked(_run.SuspensionLog, operationId, type, reason);
        await _run.Blocked.WaitAsync(_flow, operationId).ConfigureAwait(false);

        // Rule 3: the operation had not finished when this await began, so the code after it runs for the first time.
        GoLive(operationId, "it finished during this invocation, while its await waited");
    }

    private OperationUpdate Update(ClaimedOperation operation, OperationType type, string subType, OperationAction action) => new()
    {
        Id = operation.Id,
        Type = type,
        SubType = subType,
        Action = action,
        Name = operation.Name,
        ParentId = _parentId,
    };

    /// <summary>Sends an update and waits until the service holds it: what the code does next relies on it.</summary>
    private Task SendAsync(OperationUpdate update) => _run.Checkpoints.SendAsync(update);

    /// <summary>Queues an update nothing waits for: it rides on the next call, at the latest when the invocation goes idle.</summary>
    private void Enqueue(OperationUpdate update) => _run.Checkpoints.Enqueue(update);

    /// <summary>Runs a body (a step's, a check's) as running work, inside its operation's ambient context.</summary>
    private async Task<T> RunBodyAsync<T>(ClaimedOperation operation, int attempt, Func<StepInvocationContext, Task<T>> body)
    {
        _run.Activity.Add(1);
        try
        {
            using (DurableLogContext.EnterOperation(new DurableOperation(operation.Id, operation.Name, attempt)))
            {
                s_runningBody.Value = operation.Id;
                return await body(new StepInvocationContext(_logger, attempt, operation.Id)).ConfigureAwait(false);
            }
        }
        finally
        {
            _run.Activity.Remove();
        }
    }

    /// <summary>
    /// Runs a context's code (the handler, a child's body, an item) with the context as the flow's ambient one:
    /// the log gate follows its status, and callbacks awaited in it apply the replay rules to it.
    /// </summary>
    internal static async Task<T> RunInContextAsync<T>(DurableContext context, Func<DurableContext, Task<T>> body)
    {
        using (DurableLogContext.EnterContext(context.State))
        {
            // Set inside this async method, so the caller's flow gets its own context back when it returns.
            s_current.Value = context;
            return await body(context).ConfigureAwait(false);
        }
    }

    private static string Quote(string? name) => name is null ? "(no name)" : $"'{name}'";

    private static bool IsEngineFailure(Exception exception) => exception is NonDeterministicExecutionException or CheckpointException;
}
