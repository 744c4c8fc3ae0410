using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// An in-memory stand-in for the durable execution service, for one execution: it validates and applies
/// checkpoints with the service's status transitions, keeps timers on a clock that tests move, answers
/// callbacks and chained invokes from test code, lists what changed in <c>UpdatedOperationIds</c>, serves
/// the state in pages, and drops the children of finished contexts (or keeps them).
/// </summary>
public sealed class InMemoryDurableService : IDurableServiceClient
{
    private readonly object _lock = new();
    private readonly List<Operation> _operations = [];
    private readonly HashSet<string> _updatedSinceInvocation = [];
    private readonly Dictionary<string, ChainedInvokeRequest> _invokes = [];
    private readonly InMemoryServiceOptions _options;
    private int _tokenNumber;
    private int _callbackNumber;

    /// <summary>Creates the service holding a new execution.</summary>
    /// <param name="executionArn">The execution's ARN.</param>
    /// <param name="inputPayload">The execution's input, as JSON text.</param>
    /// <param name="start">The clock's starting time.</param>
    /// <param name="options">Paging and pruning.</param>
    public InMemoryDurableService(string executionArn, string? inputPayload, DateTimeOffset start, InMemoryServiceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionArn);
        ExecutionArn = executionArn;
        Now = start;
        _options = options ?? new InMemoryServiceOptions();
        _operations.Add(new Operation
        {
            Id = "execution",
            Type = OperationType.Execution,
            Status = OperationStatus.Started,
            StartTimestamp = start.ToUnixTimeMilliseconds(),
            ExecutionDetails = new ExecutionDetails { InputPayload = inputPayload },
        });
    }

    /// <summary>The execution's ARN.</summary>
    public string ExecutionArn { get; }

    /// <summary>The service's clock; timers fire when it is moved past them.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>How many checkpoint calls were made.</summary>
    public int CheckpointCalls { get; private set; }

    /// <summary>Called before each checkpoint call is applied; throw from it to make the call fail (crash injection).</summary>
    public Action<CheckpointRequest>? BeforeCheckpoint { get; set; }

    /// <summary>The current checkpoint token.</summary>
    public string CheckpointToken => $"token-{_tokenNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A copy of every operation the state holds, in the order they were created.</summary>
    public IReadOnlyList<Operation> Operations
    {
        get
        {
            lock (_lock)
            {
                return _operations.Select(OperationCopy.Of).ToList();
            }
        }
    }

    /// <summary>The input of the next invocation: the first page of state, and what changed since the last one.</summary>
    public DurableExecutionInvocationInput NextInvocationInput()
    {
        lock (_lock)
        {
            var input = new DurableExecutionInvocationInput
            {
                DurableExecutionArn = ExecutionArn,
                CheckpointToken = CheckpointToken,
                InitialExecutionState = Page(0, _options.PageSize),
                UpdatedOperationIds = _updatedSinceInvocation.Count == 0 ? null : [.. _updatedSinceInvocation],
            };
            _updatedSinceInvocation.Clear();
            return input;
        }
    }

    /// <inheritdoc />
    public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        BeforeCheckpoint?.Invoke(request);
        lock (_lock)
        {
            if (request.DurableExecutionArn != ExecutionArn)
            {
                throw new InvalidCheckpointException($"Checkpoint for execution {request.DurableExecutionArn}, but this service holds {ExecutionArn}.");
            }

            if (request.CheckpointToken != CheckpointToken)
            {
                throw new InvalidCheckpointException($"Checkpoint token '{request.CheckpointToken}' is stale; the current token is '{CheckpointToken}'.");
            }

            var changed = new List<Operation>();
            foreach (var update in request.Updates)
            {
                var index = _operations.FindIndex(operation => operation.Id == update.Id);
                var operation = OperationTransitions.Apply(index < 0 ? null : _operations[index], update, Now.ToUnixTimeMilliseconds(), NewCallbackId);
                if (index < 0)
                {
                    _operations.Add(operation);
                }

                if (update is { Type: OperationType.ChainedInvoke, Action: OperationAction.Start })
                {
                    _invokes[update.Id] = new ChainedInvokeRequest(update.ChainedInvokeOptions?.FunctionName, update.ChainedInvokeOptions?.TenantId, update.Payload);
                }

                if (ShouldPrune(operation))
                {
                    Prune(operation.Id);
                }

                changed.Add(OperationCopy.Of(operation));
            }

            CheckpointCalls++;
            _tokenNumber++;
            return Task.FromResult(new CheckpointResponse
            {
                CheckpointToken = CheckpointToken,
                NewExecutionState = new ExecutionStatePage { Operations = changed },
            });
        }
    }

    /// <inheritdoc />
    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!int.TryParse(request.Marker, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            throw new InvalidCheckpointException($"Marker '{request.Marker}' was not issued by this service.");
        }

        lock (_lock)
        {
            return Task.FromResult(Page(start, request.MaxItems is > 0 ? Math.Min(request.MaxItems.Value, _options.PageSize ?? int.MaxValue) : _options.PageSize));
        }
    }

    /// <summary>The earliest time a timer (a wait, a retry delay) fires, or <see langword="null"/> when none is set.</summary>
    public DateTimeOffset? NextTimer()
    {
        lock (_lock)
        {
            long? next = null;
            foreach (var operation in _operations)
            {
                var due = TimerOf(operation);
                if (due is not null && (next is null || due < next))
                {
                    next = due;
                }
            }

            return next is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(next.Value);
        }
    }

    /// <summary>Moves the clock to <paramref name="time"/>, firing every timer due by then: waits succeed, steps become ready.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        lock (_lock)
        {
            if (time > Now)
            {
                Now = time;
            }

            var now = Now.ToUnixTimeMilliseconds();
            foreach (var operation in _operations)
            {
                if (TimerOf(operation) is not { } due || due > now)
                {
                    continue;
                }

                if (operation.Type == OperationType.Wait)
                {
                    OperationTransitions.Finish(operation, OperationStatus.Succeeded, null, null, now);
                }
                else
                {
                    operation.Status = OperationStatus.Ready;
                    operation.StepDetails!.NextAttemptTimestamp = null;
                }

                _updatedSinceInvocation.Add(operation.Id);
            }
        }
    }

    /// <summary>The callbacks waiting for an answer.</summary>
    public IReadOnlyList<Operation> PendingCallbacks() => Pending(OperationType.Callback);

    /// <summary>The chained invokes waiting for their function.</summary>
    public IReadOnlyList<Operation> PendingInvokes() => Pending(OperationType.ChainedInvoke);

    /// <summary>What a chained invoke asked for: the function, the tenant and the payload.</summary>
    public ChainedInvokeRequest InvokeRequest(string operationId)
    {
        lock (_lock)
        {
            return _invokes.TryGetValue(operationId, out var request)
                ? request
                : throw new InvalidCheckpointException($"No chained invoke was started with the id '{operationId}'.");
        }
    }

    /// <summary>Answers a callback with a result (JSON text).</summary>
    public void SucceedCallback(string callbackId, string? result) => Resolve(FindCallback(callbackId), OperationStatus.Succeeded, result, null);

    /// <summary>Answers a callback with a failure.</summary>
    public void FailCallback(string callbackId, ErrorObject error) => Resolve(FindCallback(callbackId), OperationStatus.Failed, null, error);

    /// <summary>Times a callback out, as a missed timeout or heartbeat does.</summary>
    public void TimeOutCallback(string callbackId) =>
        Resolve(FindCallback(callbackId), OperationStatus.TimedOut, null, new ErrorObject { ErrorType = "Callback.Timeout", ErrorMessage = "The callback timed out." });

    /// <summary>Ends a chained invoke with the invoked function's result or error.</summary>
    public void CompleteInvoke(string operationId, string? result, ErrorObject? error = null) =>
        Resolve(operationId, error is null ? OperationStatus.Succeeded : OperationStatus.Failed, result, error);

    private string NewCallbackId() => $"callback-{(++_callbackNumber).ToString(CultureInfo.InvariantCulture)}";

    private List<Operation> Pending(OperationType type)
    {
        lock (_lock)
        {
            return _operations.Where(operation => operation.Type == type && operation.Status == OperationStatus.Started).Select(OperationCopy.Of).ToList();
        }
    }

    private string FindCallback(string callbackId)
    {
        lock (_lock)
        {
            return _operations.FirstOrDefault(operation => operation.CallbackDetails?.CallbackId == callbackId)?.Id
                ?? throw new InvalidCheckpointException($"No callback has the id '{callbackId}'.");
        }
    }

    private void Resolve(string operationId, OperationStatus status, string? result, ErrorObject? error)
    {
        lock (_lock)
        {
            var operation = _operations.FirstOrDefault(candidate => candidate.Id == operationId)
                ?? throw new InvalidCheckpointException($"No operation has the id '{operationId}'.");
            if (operation.Status != OperationStatus.Started)
            {
                throw new InvalidCheckpointException($"{operation.Type} operation {operationId} is {operation.Status}; only a STARTED one can be answered.");
            }

            OperationTransitions.Finish(operation, status, result, error, Now.ToUnixTimeMilliseconds());
            _updatedSinceInvocation.Add(operationId);
        }
    }

    private ExecutionStatePage Page(int start, int? size)
    {
        var count = Math.Min(size ?? int.MaxValue, _operations.Count - start);
        var page = new ExecutionStatePage { Operations = _operations.Skip(start).Take(count).Select(OperationCopy.Of).ToList() };
        if (start + count < _operations.Count)
        {
            page.NextMarker = (start + count).ToString(CultureInfo.InvariantCulture);
        }

        return page;
    }

    private bool ShouldPrune(Operation operation) =>
        _options.PruneFinishedContexts && operation.Type == OperationType.Context && operation.Status.IsTerminal() && operation.ContextDetails?.ReplayChildren != true;

    private void Prune(string contextId)
    {
        var removed = new HashSet<string> { contextId };
        bool more;
        do
        {
            more = false;
            foreach (var operation in _operations)
            {
                if (operation.ParentId is { } parent && removed.Contains(parent) && removed.Add(operation.Id))
                {
                    more = true;
                }
            }
        }
        while (more);

        removed.Remove(contextId);
        _operations.RemoveAll(operation => removed.Contains(operation.Id));
    }

    private static long? TimerOf(Operation operation) => operation switch
    {
        { Type: OperationType.Wait, Status: OperationStatus.Started } => operation.WaitDetails?.ScheduledEndTimestamp,
        { Type: OperationType.Step, Status: OperationStatus.Pending } => operation.StepDetails?.NextAttemptTimestamp,
        _ => null,
    };
}
