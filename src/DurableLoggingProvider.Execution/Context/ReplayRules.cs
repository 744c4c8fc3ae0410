using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The replay rules of docs/replay-gate.md, in its order, for one durable context: the seeds its status
/// starts from, and the transitions that move it from replaying to live exactly where the previous
/// invocation stopped. Operations call these; none decides a transition of its own.
/// </summary>
internal sealed class ReplayRules
{
    private readonly ExecutionRun _run;
    private readonly DurableContextState _state;
    private readonly ReplayRules? _enclosing;
    private readonly string? _parentId;
    private readonly OperationIdSequence _ids;
    private readonly bool _replaysWholeBody;
    private readonly object _callbacksLock = new();
    private readonly List<string> _unawaitedCallbacks = [];

    /// <param name="run">The invocation's shared state.</param>
    /// <param name="state">The context's replay status, as the logging provider reads it.</param>
    /// <param name="enclosing">The rules of the context whose code created this one; <see langword="null"/> at the root.</param>
    /// <param name="parentId">The id of the context's own <c>CONTEXT</c> operation; <see langword="null"/> at the root.</param>
    /// <param name="ids">The ids the context claims, for rule 4's look at the next one.</param>
    /// <param name="replaysWholeBody">The <c>ReplayChildren</c> seed: no transition applies.</param>
    public ReplayRules(ExecutionRun run, DurableContextState state, ReplayRules? enclosing, string? parentId, OperationIdSequence ids, bool replaysWholeBody)
    {
        _run = run;
        _state = state;
        _enclosing = enclosing;
        _parentId = parentId;
        _ids = ids;
        _replaysWholeBody = replaysWholeBody;
    }

    /// <summary>Root seed: replaying if, with all pages loaded, any operation other than the <c>EXECUTION</c> one exists.</summary>
    public static bool RootSeed(CheckpointState state) => state.HasCheckpointedWork;

    /// <summary>Child seed: a child context starts with the status its creator has at that moment.</summary>
    /// <param name="creatorReplaying">The creator's status when the child is created.</param>
    /// <param name="replaysWholeBody">The <see cref="ReplayChildrenSeed"/> of the child's operation.</param>
    public static bool ChildSeed(bool creatorReplaying, bool replaysWholeBody) => replaysWholeBody || creatorReplaying;

    /// <summary>Item/branch seed: a map item or parallel branch whose own operation has no checkpoint starts live.</summary>
    /// <param name="existing">The item's own checkpoint, if any.</param>
    /// <param name="creatorReplaying">The batch creator's status when the batch began, before claiming the items moved anything.</param>
    /// <param name="replaysWholeBody">The <see cref="ReplayChildrenSeed"/> of the item's operation.</param>
    public static bool ItemSeed(Operation? existing, bool creatorReplaying, bool replaysWholeBody) =>
        replaysWholeBody || (existing is not null && creatorReplaying);

    /// <summary>
    /// <c>ReplayChildren</c> seed: a SUCCEEDED context that runs again (its result was too large to store) runs its
    /// whole body replaying, and no transition applies in it: everything inside it already happened.
    /// </summary>
    /// <param name="existing">The context's checkpoint; called only once a stored result has not answered the call.</param>
    public static bool ReplayChildrenSeed(Operation? existing) => existing?.Status == OperationStatus.Succeeded;

    /// <summary>Rule 1: claiming an id that has no checkpoint is new work: go live.</summary>
    public void ClaimOfMissingId(string operationId) => GoLive(operationId, "its next operation is new work");

    /// <summary>Rule 2: a step (or a condition's check) not yet terminal runs again as a new attempt, so its lines are new: go live before the body runs.</summary>
    /// <param name="operationId">The step.</param>
    /// <param name="reason">Why, for the engine's replay log.</param>
    public void StepNotTerminal(string operationId, string reason) => GoLive(operationId, reason);

    /// <summary>
    /// Rule 3, when the await ends: the awaited operation had not finished when this invocation began. It is
    /// listed as updated (it finished while the execution was suspended), or it is a <c>CONTEXT</c> that was
    /// STARTED in the given state (<paramref name="resumedInside"/>): its body ran again here and got past the
    /// point where the previous invocation stopped inside it.
    /// </summary>
    /// <returns>Whether the rule applied.</returns>
    public bool AwaitOfUnfinishedOperation(string operationId, bool resumedInside)
    {
        if (_run.State.WasUpdated(operationId))
        {
            GoLive(operationId, "its operation finished while the execution was suspended");
            return true;
        }

        if (resumedInside)
        {
            GoLive(operationId, "the previous invocation stopped inside it, and it has now ended");
            return true;
        }

        return false;
    }

    /// <summary>Rule 3, for an operation that finished during this invocation while its await waited: the code after it runs for the first time.</summary>
    public void AwaitOfOperationFinishedDuringThisInvocation(string operationId) =>
        GoLive(operationId, "it finished during this invocation, while its await waited");

    /// <summary>
    /// Rule 4: after an awaited call, if the next id has no checkpoint, go live, unless the context holds a
    /// callback whose await is where the previous invocation stopped (<see cref="HoldsUnawaitedCallback"/>).
    /// </summary>
    public void NextIdMissing()
    {
        var next = _ids.PeekNext(_run.State, out var existing);
        if (existing is null && !HoldsUnawaitedCallback())
        {
            GoLive(next, "the next operation has no checkpoint");
        }
    }

    /// <summary>Rule 5: creating a callback moves nothing by itself; the callback is held until its result is awaited (the exception to rule 4).</summary>
    public void CallbackCreated(string operationId)
    {
        lock (_callbacksLock)
        {
            _unawaitedCallbacks.Add(operationId);
        }
    }

    /// <summary>A held callback's result is awaited in this invocation: it no longer holds rule 4 back.</summary>
    public void CallbackAwaited(string operationId)
    {
        lock (_callbacksLock)
        {
            _unawaitedCallbacks.Remove(operationId);
        }
    }

    /// <summary>
    /// Rule 6: rules 3 and 4, applied in the <c>finally</c> of every awaited call (step, wait, child context,
    /// invoke, map, parallel, wait-for-callback, wait-for-condition, a callback's result), so that suspension
    /// and exceptions leave no context in the wrong state.
    /// </summary>
    /// <param name="operationId">The awaited operation.</param>
    /// <param name="resumedInside">Whether it is a <c>CONTEXT</c> that was STARTED in the state this invocation was given (rule 3).</param>
    public void AfterAwait(string operationId, bool resumedInside)
    {
        if (_replaysWholeBody || !_state.IsReplaying)
        {
            return;
        }

        if (!AwaitOfUnfinishedOperation(operationId, resumedInside))
        {
            NextIdMissing();
        }
    }

    /// <summary>
    /// The exception to rule 4: a callback created earlier, not yet awaited in this invocation, and still unresolved
    /// or listed as updated. The enclosing contexts' callbacks count too: code in a child context or branch can
    /// await a callback its creator made, and then that await is where this context stopped.
    /// </summary>
    private bool HoldsUnawaitedCallback()
    {
        for (var rules = this; rules is not null; rules = rules._enclosing)
        {
            if (rules.HoldsOwnUnawaitedCallback())
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

    /// <summary>Status only moves from replaying to live, and never in a context that replays its whole body.</summary>
    private void GoLive(string operationId, string reason)
    {
        if (_replaysWholeBody || !_state.IsReplaying)
        {
            return;
        }

        _state.GoLive();
        EngineLog.ContextLive(_run.ReplayLog, _parentId ?? "root", operationId, reason);
    }
}
