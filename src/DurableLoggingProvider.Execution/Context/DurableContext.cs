using System;
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
internal sealed partial class DurableContext : IDurableContext, IDurableExecutionInfo
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
    private readonly string? _parentId;
    private readonly ExecutionFlow _flow;
    private readonly OperationIdSequence _ids;
    private readonly ReplayRules _rules;
    private ILogger _logger;

    /// <param name="run">The invocation's shared state.</param>
    /// <param name="state">This context's replay status, as the logging provider reads it.</param>
    /// <param name="enclosing">The context whose code created this one; <see langword="null"/> at the root.</param>
    /// <param name="parentId">The id of this context's own <c>CONTEXT</c> operation; <see langword="null"/> at the root.</param>
    /// <param name="flow">The flow the context's code runs in.</param>
    /// <param name="replayOnly">Whether the whole body replays (the <c>ReplayChildren</c> seed): no transition applies.</param>
    /// <param name="logger">What <see cref="Logger"/> writes through.</param>
    public DurableContext(ExecutionRun run, DurableContextState state, DurableContext? enclosing, string? parentId, ExecutionFlow flow, bool replayOnly, ILogger logger)
    {
        _run = run;
        State = state;
        _parentId = parentId;
        _flow = flow;
        _ids = new OperationIdSequence(parentId);
        _rules = new ReplayRules(run, state, enclosing?._rules, parentId, _ids, replayOnly);
        _logger = logger;
    }

    public DurableContextState State { get; }

    public ILogger Logger => _logger;

    public IDurableExecutionInfo ExecutionInfo => this;

    public string DurableExecutionArn => _run.ExecutionArn;

    public LambdaInvocation Invocation => _run.Invocation;

    public void SetLogger(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = new ReplayAwareLogger(logger, _run.ReplayMode ?? ReplayMode.Suppress);
    }

    /// <summary>Claims the next operation id: rule 1 (no checkpoint) and the determinism check.</summary>
    private ClaimedOperation Claim(OperationType type, string subType, string? name)
    {
        if (s_runningBody.Value is { } body)
        {
            throw new InvalidOperationException(
                $"A durable operation ({type}, {Quote(name)}) was called inside the body of operation {body}. Step bodies and condition checks run as one unit of work; call durable operations from the workflow or a child context instead.");
        }

        var (position, id) = _ids.ClaimNext();
        var existing = _run.State.Get(id);
        if (existing is null)
        {
            _rules.ClaimOfMissingId(id);
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

    /// <summary>
    /// The calling flow waits for the service until the state shows the operation finished: the timer fired, the
    /// retry is ready, the answer came. Unless a checkpoint's answer in this invocation shows that, the flow
    /// never resumes here, and the invocation suspends once nothing else runs.
    /// </summary>
    private async Task BlockAsync(string operationId, OperationType type, string reason)
    {
        EngineLog.Blocked(_run.SuspensionLog, operationId, type, reason);
        await _run.Blocked.WaitAsync(_flow, operationId).ConfigureAwait(false);

        _rules.AwaitOfOperationFinishedDuringThisInvocation(operationId);
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
    private async Task<T> RunBodyAsync<T>(ClaimedOperation operation, int attempt, Func<OperationBodyContext, Task<T>> body)
    {
        _run.Running.Add(1);
        try
        {
            using (DurableLogContext.EnterOperation(new DurableOperation(operation.Id, operation.Name, attempt)))
            {
                s_runningBody.Value = operation.Id;
                return await body(new OperationBodyContext(_logger, attempt, operation.Id)).ConfigureAwait(false);
            }
        }
        finally
        {
            _run.Running.Remove();
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
