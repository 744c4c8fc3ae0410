using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// One durable context (the root, a child context, a map item or a parallel branch): the facade workflow
/// code calls. It holds the context's state (its ids, its replay rules, its flow, its logger) and hands
/// each call to its operation in Operations/, which runs through <see cref="OperationSkeleton"/>: claim the
/// next id, act on the checkpoint's phase, apply the replay rules when the await ends.
/// </summary>
internal sealed class DurableContext : IDurableContext, IDurableExecutionInfo
{
    private static readonly StepConfig s_defaultStepConfig = new();

    /// <summary>The operation whose body is running on this flow, if any: durable calls are not allowed there.</summary>
    private static readonly AsyncLocal<string?> s_runningBody = new();

    /// <summary>
    /// The context whose code is running on this flow. A callback may be awaited in a context other than the
    /// one that created it (a child context, a branch); its await belongs to the context that awaits.
    /// </summary>
    private static readonly AsyncLocal<DurableContext?> s_current = new();

    private readonly OperationIdSequence _ids;
    private ILogger _logger;

    /// <param name="run">The invocation's shared state.</param>
    /// <param name="state">This context's replay status, as the logging provider reads it.</param>
    /// <param name="enclosing">The context whose code created this one; <see langword="null"/> at the root.</param>
    /// <param name="parentId">The id of this context's own <c>CONTEXT</c> operation; <see langword="null"/> at the root.</param>
    /// <param name="flow">The flow the context's code runs in.</param>
    /// <param name="replayOnly">Whether the whole body replays (the <c>ReplayChildren</c> seed): no transition applies.</param>
    /// <param name="logger">What <see cref="Logger"/> writes through.</param>
    /// <param name="name">The name of this context's own <c>CONTEXT</c> operation; <see langword="null"/> at the root.</param>
    public DurableContext(ExecutionRun run, DurableContextState state, DurableContext? enclosing, string? parentId, ExecutionFlow flow, bool replayOnly, ILogger logger, string? name = null)
    {
        Run = run;
        State = state;
        OperationId = parentId;
        ParentId = enclosing?.OperationId;
        OperationName = name;
        Flow = flow;
        _ids = new OperationIdSequence(parentId);
        Rules = new ReplayRules(run, state, enclosing?.Rules, parentId, _ids, replayOnly);
        _logger = logger;
    }

    public DurableContextState State { get; }

    public ILogger Logger => _logger;

    public IDurableExecutionInfo ExecutionInfo => this;

    public string DurableExecutionArn => Run.ExecutionArn;

    public LambdaInvocation Invocation => Run.Invocation;

    public string? OperationId { get; }

    public string? ParentId { get; }

    public string? OperationName { get; }

    /// <summary>The invocation's shared state.</summary>
    internal ExecutionRun Run { get; }

    /// <summary>This context's replay rules.</summary>
    internal ReplayRules Rules { get; }

    /// <summary>The flow this context's code runs in.</summary>
    internal ExecutionFlow Flow { get; }

    public void SetLogger(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = new ReplayAwareLogger(logger, Run.ReplayMode ?? ReplayMode.Suppress);
    }

    public Task<T> StepAsync<T>(Func<IStepContext, Task<T>> func, string? name = null, StepConfig? config = null, CancellationToken cancellationToken = default) =>
        OperationSkeleton.AwaitAsync<StepOperation<T>, T>(this, new StepOperation<T>(func, null, name, config ?? s_defaultStepConfig, cancellationToken));

    public Task StepAsync(Func<IStepContext, Task> func, string? name = null, StepConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(func);
        return OperationSkeleton.AwaitAsync<StepOperation<object?>, object?>(this, new StepOperation<object?>(null, func, name, config ?? s_defaultStepConfig, cancellationToken));
    }

    public Task WaitAsync(TimeSpan duration, string? name = null, CancellationToken cancellationToken = default) =>
        OperationSkeleton.AwaitAsync<WaitOperation, object?>(this, new WaitOperation(duration, name, cancellationToken));

    public Task<T> RunInChildContextAsync<T>(Func<IDurableContext, Task<T>> func, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(func);
        cancellationToken.ThrowIfCancellationRequested();
        return OperationSkeleton.AwaitAsync<ChildContextOperation<ChildContextBody<T>, T>, T>(
            this, new ChildContextOperation<ChildContextBody<T>, T>(OperationSubTypes.RunInChildContext, name, new ChildContextBody<T>(func, null)));
    }

    public Task RunInChildContextAsync(Func<IDurableContext, Task> func, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(func);
        cancellationToken.ThrowIfCancellationRequested();
        return OperationSkeleton.AwaitAsync<ChildContextOperation<ChildContextBody<object?>, object?>, object?>(
            this, new ChildContextOperation<ChildContextBody<object?>, object?>(OperationSubTypes.RunInChildContext, name, new ChildContextBody<object?>(null, func)));
    }

    public Task<ICallback<T>> CreateCallbackAsync<T>(string? name = null, CallbackConfig? config = null, CancellationToken cancellationToken = default) =>
        CallbackOperation.CreateAsync<T>(this, name, config, cancellationToken);

    public Task<T> WaitForCallbackAsync<T>(Func<string, IWaitForCallbackContext, Task> submitter, string? name = null, WaitForCallbackConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        cancellationToken.ThrowIfCancellationRequested();
        return OperationSkeleton.AwaitAsync<ChildContextOperation<WaitForCallbackOperation<T>, T>, T>(
            this, new ChildContextOperation<WaitForCallbackOperation<T>, T>(OperationSubTypes.WaitForCallback, name, new WaitForCallbackOperation<T>(submitter, name, config, cancellationToken)));
    }

    public Task<TState> WaitForConditionAsync<TState>(Func<TState, IConditionCheckContext, CancellationToken, Task<TState>> check, WaitForConditionConfig<TState> config, string? name = null, CancellationToken cancellationToken = default) =>
        OperationSkeleton.AwaitAsync<ConditionOperation<TState>, TState>(this, new ConditionOperation<TState>(check, config, name, cancellationToken));

    public Task<TResult> InvokeAsync<TPayload, TResult>(string functionName, TPayload payload, string? name = null, InvokeConfig? config = null, CancellationToken cancellationToken = default) =>
        OperationSkeleton.AwaitAsync<InvokeOperation<TPayload, TResult>, TResult>(this, new InvokeOperation<TPayload, TResult>(functionName, payload, name, config, cancellationToken));

    public Task<BatchResult<TResult>> MapAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<IDurableContext, TItem, int, Task<TResult>> func, string? name = null, MapConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(func);
        cancellationToken.ThrowIfCancellationRequested();
        return OperationSkeleton.AwaitAsync<BatchOperation<MapItems<TItem, TResult>, TResult>, BatchResult<TResult>>(
            this, new BatchOperation<MapItems<TItem, TResult>, TResult>(new MapItems<TItem, TResult>(items, func, config?.ItemNamer), name, config?.MaxConcurrency));
    }

    public Task<BatchResult<TResult>> ParallelAsync<TResult>(IReadOnlyList<Func<IDurableContext, Task<TResult>>> branches, string? name = null, ParallelConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(branches);
        cancellationToken.ThrowIfCancellationRequested();
        return OperationSkeleton.AwaitAsync<BatchOperation<ParallelBranches<TResult>, TResult>, BatchResult<TResult>>(
            this, new BatchOperation<ParallelBranches<TResult>, TResult>(new ParallelBranches<TResult>(branches, null), name, config?.MaxConcurrency));
    }

    /// <summary>The context whose code is running on this flow, if any.</summary>
    internal static DurableContext? Current => s_current.Value;

    /// <summary>Claims the next operation id: rule 1 (no checkpoint) and the determinism check.</summary>
    internal ClaimedOperation Claim(OperationType type, string subType, string? name)
    {
        if (s_runningBody.Value is { } body)
        {
            throw new InvalidOperationException(
                $"A durable operation ({type}, {Quote(name)}) was called inside the body of operation {body}. Step bodies and condition checks run as one unit of work; call durable operations from the workflow or a child context instead.");
        }

        var (position, id) = _ids.ClaimNext(Run.State, out var existing);
        if (existing is null)
        {
            Rules.ClaimOfMissingId(id);
        }
        else if (existing.Type != type || (existing.SubType is not null && existing.SubType != subType) || !string.Equals(existing.Name, name, StringComparison.Ordinal))
        {
            throw NonDeterminism(
                $"Operation {position} of the {(OperationId is null ? "root context" : $"context {OperationId}")} was checkpointed as " +
                $"{existing.Type} ({existing.SubType ?? "no sub-type"}) named {Quote(existing.Name)}, but the code now calls " +
                $"{type} ({subType}) named {Quote(name)}. Workflow code must call the same durable operations in the same order on every invocation.");
        }

        return new ClaimedOperation(id, name, existing);
    }

    /// <summary>Fails the execution for non-determinism, whatever the workflow code does with the returned exception.</summary>
    internal NonDeterministicExecutionException NonDeterminism(string message)
    {
        var error = new NonDeterministicExecutionException(message);
        Run.FailExecution(error);
        return error;
    }

    /// <summary>
    /// The calling flow waits for the service until the state shows the operation finished: the timer fired, the
    /// retry is ready, the answer came. Unless a checkpoint's answer in this invocation shows that, the flow
    /// never resumes here, and the invocation suspends once nothing else runs.
    /// </summary>
    internal async Task BlockAsync(string operationId, OperationType type, string reason)
    {
        EngineLog.Blocked(Run.SuspensionLog, operationId, type, reason);
        await Run.Blocked.WaitAsync(Flow, operationId).ConfigureAwait(false);

        Rules.AwaitOfOperationFinishedDuringThisInvocation(operationId);
    }

    /// <summary>An update of a claimed operation of this context.</summary>
    internal OperationUpdate Update(ClaimedOperation operation, OperationType type, string subType, OperationAction action) => new()
    {
        Id = operation.Id,
        Type = type,
        SubType = subType,
        Action = action,
        Name = operation.Name,
        ParentId = OperationId,
    };

    /// <summary>Sends an update and waits until the service holds it: what the code does next relies on it.</summary>
    internal Task SendAsync(OperationUpdate update) => Run.Checkpoints.SendAsync(update);

    /// <summary>Queues an update nothing waits for: it rides on the next call, at the latest when the invocation goes idle.</summary>
    internal void Enqueue(OperationUpdate update) => Run.Checkpoints.Enqueue(update);

    /// <summary>Runs a body (a step's, a check's) as running work, inside its operation's ambient context.</summary>
    internal async Task<T> RunBodyAsync<TBody, T>(ClaimedOperation operation, int attempt, TBody body)
        where TBody : IOperationBody<T>
    {
        Run.Running.Add(1);
        try
        {
            using (DurableLogContext.EnterOperation(new DurableOperation(operation.Id, operation.Name, attempt)))
            {
                s_runningBody.Value = operation.Id;
                return await body.RunAsync(new OperationBodyContext(_logger, attempt, operation.Id, OperationId, operation.Name)).ConfigureAwait(false);
            }
        }
        finally
        {
            Run.Running.Remove();
        }
    }

    /// <summary>
    /// Runs a context's code (the handler) with the context as the flow's ambient one: the log gate follows
    /// its status, and callbacks awaited in it apply the replay rules to it.
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

    /// <summary>Runs a child's code (a child context's body, an item) as <see cref="RunInContextAsync{T}"/> does, with no delegate.</summary>
    internal static async Task<T> RunInContextAsync<TBody, T>(DurableContext context, TBody body)
        where TBody : IContextBody<T>
    {
        using (DurableLogContext.EnterContext(context.State))
        {
            s_current.Value = context;
            return await body.RunAsync(context).ConfigureAwait(false);
        }
    }

    public Task<BatchResult<TResult>> ParallelAsync<TResult>(IReadOnlyList<ParallelBranch<TResult>> branches, string? name = null, ParallelConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(branches);
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i] is null)
            {
                throw new ArgumentException($"Branch {i} of the parallel is null; every branch needs its code.", nameof(branches));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return OperationSkeleton.AwaitAsync<BatchOperation<ParallelBranches<TResult>, TResult>, BatchResult<TResult>>(
            this, new BatchOperation<ParallelBranches<TResult>, TResult>(new ParallelBranches<TResult>(null, branches), name, config?.MaxConcurrency));
    }

    /// <summary>A context for a child operation's body (a child context, a batch, an item), with this context as its creator.</summary>
    internal DurableContext CreateChild(ClaimedOperation operation, bool isReplaying, ExecutionFlow flow, bool replayOnly) =>
        new(Run, State.CreateChild(operation.Id, isReplaying), this, operation.Id, flow, replayOnly, _logger, operation.Name);

    internal static string Quote(string? name) => name is null ? "(no name)" : $"'{name}'";

    /// <summary>Failures of the engine itself, which no operation records as its own.</summary>
    internal static bool IsEngineFailure(Exception exception) => exception is NonDeterministicExecutionException or CheckpointException;
}
