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
public sealed partial class InMemoryDurableService : IDurableServiceClient
{
    private readonly object _lock = new();
    private readonly List<Operation> _operations = [];
    private readonly HashSet<string> _updatedSinceInvocation = [];
    private readonly Dictionary<string, ChainedInvokeRequest> _invokes = [];
    private readonly OperationTimers _timers = new();
    private readonly InMemoryServiceOptions _options;
    private DateTimeOffset _clock;
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
        _clock = start;
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

    /// <summary>The service's clock; timers fire when it is moved past them (<see cref="AdvanceTo"/>).</summary>
    public DateTimeOffset Now
    {
        get
        {
            var wall = DateTimeOffset.UtcNow;
            return FollowsWallClock && wall > _clock ? wall : _clock;
        }
    }

    /// <summary>
    /// Whether the clock runs with real time (the runner's <see cref="LocalRunnerOptions.RealTime"/>), so that
    /// operations are stamped, and waits scheduled, from the real time they happen at. Timers still fire only
    /// in <see cref="AdvanceTo"/>.
    /// </summary>
    internal bool FollowsWallClock { get; init; }

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

            var execution = _operations[0];
            if (execution.Status != OperationStatus.Started)
            {
                throw CheckpointValidator.Ended(execution);
            }

            // The service takes a checkpoint whole or not at all, judging every update against the state before it.
            CheckpointValidator.Validate(request.Updates, Find, execution);
            return Task.FromResult(Apply(request.Updates));
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

    /// <summary>
    /// The earliest time a timer fires: a wait's end, a step's next attempt, a callback's timeout or heartbeat
    /// deadline; <see langword="null"/> when none is set.
    /// </summary>
    public DateTimeOffset? NextTimer()
    {
        lock (_lock)
        {
            long? next = null;
            foreach (var operation in _operations)
            {
                var due = _timers.DueOf(operation);
                if (due is not null && (next is null || due < next))
                {
                    next = due;
                }
            }

            return next is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(next.Value);
        }
    }

    /// <summary>
    /// Moves the clock to <paramref name="time"/> (never back), firing every timer due by then: waits succeed,
    /// steps become ready, callbacks past a deadline time out. Each is listed in the next invocation's
    /// <c>UpdatedOperationIds</c>.
    /// </summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        lock (_lock)
        {
            if (time > _clock)
            {
                _clock = time;
            }

            var now = Now.ToUnixTimeMilliseconds();
            foreach (var operation in _operations)
            {
                if (_timers.FireIfDue(operation, now))
                {
                    _updatedSinceInvocation.Add(operation.Id);
                }
            }
        }
    }

    /// <summary>Applies the updates, which <see cref="CheckpointValidator"/> allowed, in order; returns the response.</summary>
    private CheckpointResponse Apply(IEnumerable<OperationUpdate> updates)
    {
        var now = Now.ToUnixTimeMilliseconds();
        var changed = new List<Operation>();
        foreach (var update in updates)
        {
            // An EXECUTION update addresses the execution itself, whatever id it carries (the JS SDK's oversized result uses its own).
            var id = update.Type == OperationType.Execution ? _operations[0].Id : update.Id;
            var index = _operations.FindIndex(operation => operation.Id == id);
            var operation = OperationTransitions.Apply(index < 0 ? null : _operations[index], update, now, NewCallbackId);
            if (index < 0)
            {
                _operations.Add(operation);
            }

            if (update is { Type: OperationType.ChainedInvoke, Action: OperationAction.Start })
            {
                _invokes[update.Id] = new ChainedInvokeRequest(update.ChainedInvokeOptions?.FunctionName, update.ChainedInvokeOptions?.TenantId, update.Payload);
            }

            if (update is { Type: OperationType.Callback, Action: OperationAction.Start })
            {
                _timers.CallbackStarted(update.Id, now, update.CallbackOptions);
            }

            if (ContextPruning.Applies(_options, operation))
            {
                ContextPruning.Prune(_operations, operation.Id);
            }

            changed.Add(OperationCopy.Of(operation));
        }

        CheckpointCalls++;
        _tokenNumber++;
        return new CheckpointResponse
        {
            CheckpointToken = CheckpointToken,
            NewExecutionState = new ExecutionStatePage { Operations = changed },
        };
    }

    private Operation? Find(string id) => _operations.Find(operation => operation.Id == id);

    private string NewCallbackId() => $"callback-{(++_callbackNumber).ToString(CultureInfo.InvariantCulture)}";

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
}
