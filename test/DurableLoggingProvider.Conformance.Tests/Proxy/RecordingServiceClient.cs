using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Lambda;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// What the engine is given for one invocation: the run's real client (<see cref="ProxyServiceClient"/> or
/// <see cref="LambdaDurableServiceClient"/>) with each checkpoint call and each refusal recorded, state reads
/// counted, and the invocation given up after a chosen checkpoint. Exceptions reach the engine as the inner
/// client threw them.
/// </summary>
internal sealed class RecordingServiceClient : IDurableServiceClient
{
    private readonly IDurableServiceClient _inner;
    private readonly List<CheckpointCall> _calls;
    private readonly StateReadCounter _stateReads;
    private readonly int _invocation;
    private readonly InvocationLoss? _loss;

    /// <param name="inner">The client that speaks to the proxy.</param>
    /// <param name="calls">Where every checkpoint call of the run is recorded (locked while written).</param>
    /// <param name="stateReads">Counts the run's get-state calls.</param>
    /// <param name="invocation">This invocation's number in the run.</param>
    /// <param name="loss">When to give this invocation up; <see langword="null"/> for never.</param>
    public RecordingServiceClient(IDurableServiceClient inner, List<CheckpointCall> calls, StateReadCounter stateReads, int invocation, InvocationLoss? loss)
    {
        _inner = inner;
        _calls = calls;
        _stateReads = stateReads;
        _invocation = invocation;
        _loss = loss;
    }

    /// <summary>Whether this invocation was given up.</summary>
    public bool Lost { get; private set; }

    /// <summary>The newest checkpoint token AWS handed out in this invocation, if any.</summary>
    public string? LatestToken { get; private set; }

    /// <summary>AWS's error type and message when <paramref name="exception"/> is its refusal (from either client); otherwise <see langword="null"/>.</summary>
    public static string? RefusalOf(Exception exception) => exception switch
    {
        ServiceRefusedException refused => refused.Message,
        DurableServiceException { ErrorType: { } type } service => $"{type}: {service.ServiceMessage}",
        _ => null,
    };

    /// <inheritdoc />
    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        ThrowIfLost();
        CheckpointResponse answer;
        try
        {
            answer = await _inner.CheckpointAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (RefusalOf(exception) is { } refusal)
        {
            Record(new CheckpointCall(_invocation, request.Updates, refusal));
            throw;
        }

        Record(new CheckpointCall(_invocation, request.Updates, null));
        LatestToken = answer.CheckpointToken ?? LatestToken;
        if (_loss?.EndsAfter(request) == true)
        {
            Lost = true;
            _loss.Ended?.Invoke();
            ThrowIfLost();
        }

        return answer;
    }

    /// <inheritdoc />
    public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        ThrowIfLost();
        _stateReads.Add();
        return _inner.GetExecutionStateAsync(request, cancellationToken);
    }

    private void Record(CheckpointCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private void ThrowIfLost()
    {
        if (Lost)
        {
            throw new InvocationLostException($"Invocation {_invocation} was given up after the checkpoint of {_loss?.Action} '{_loss?.OperationName}'.");
        }
    }
}
