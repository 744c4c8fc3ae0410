using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Sends checkpoint updates to the service, one call at a time, in the order they were made, as few calls
/// as the guarantees allow. An update that must be durable before the code goes on is sent
/// (<see cref="SendAsync"/>): its task completes once the service has acknowledged it and its answer, every
/// page of it, is merged into the state by the <see cref="StatePager"/>. An update nothing waits for (a
/// step's START under at-least-once semantics, a child context's START) is queued
/// (<see cref="Enqueue"/>) and rides on the next call, with the outcome that follows it; whatever is
/// queued when the invocation goes idle is sent then (<see cref="FlushAsync"/>). Updates made while a call
/// is in flight (by parallel branches, say) go together in the next call, within
/// <see cref="CheckpointCallLimits"/>. After each merge, awaits whose operations have finished are
/// resumed (<see cref="BlockedFlows"/>). Each call is sent with the token the previous answer returned; an
/// answer without one leaves nothing to send the next call with, so that call fails the invocation
/// (Lambda retries it, with a new token) instead of sending a spent token. Every call carries the
/// invocation's cancellation token.
/// </summary>
internal sealed class CheckpointBatcher
{
    private const string AnswerName = "CheckpointDurableExecution answer";

    /// <summary>
    /// The longest a call waits for the updates of flows that still run (a sibling's step body, say) before it
    /// goes: it goes at once when every running flow waits for an answer, as a single flow always does.
    /// </summary>
    private const int GatherMilliseconds = 5;

    private readonly object _lock = new();
    private readonly CheckpointQueue _queue = new();
    private readonly IDurableServiceClient _client;
    private readonly string _executionArn;
    private readonly StatePager _pager;
    private readonly BlockedFlows _blocked;
    private readonly RunningFlows _running;
    private readonly ILogger _log;
    private readonly LambdaInvocation _invocation;
    private readonly DurableContextState _engineContext;
    private readonly CancellationToken _cancellation;
    private string? _token;
    private bool _tokenMissing;

    public CheckpointBatcher(
        IDurableServiceClient client,
        string executionArn,
        string? token,
        StatePager pager,
        BlockedFlows blocked,
        RunningFlows running,
        ILogger log,
        LambdaInvocation invocation,
        DurableContextState engineContext,
        CancellationToken cancellation)
    {
        _invocation = invocation;
        _engineContext = engineContext;
        _client = client;
        _executionArn = executionArn;
        _token = token;
        _pager = pager;
        _blocked = blocked;
        _running = running;
        _log = log;
        _cancellation = cancellation;
    }

    /// <summary>Whether a checkpoint failed in this invocation.</summary>
    public bool HasFailed => _queue.Failure is not null;

    /// <summary>
    /// Throws when a checkpoint failed in this invocation: the service's state is then behind the code's,
    /// whatever the code made of the error.
    /// </summary>
    /// <exception cref="OperationCanceledException">The invocation was cancelled (its token, or its deadline) while a checkpoint was being sent.</exception>
    /// <exception cref="CheckpointException">A checkpoint failed.</exception>
    public void ThrowIfFailed()
    {
        var failure = _queue.Failure;
        if (failure is OperationCanceledException && _cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("The invocation was cancelled while a checkpoint was being sent; it ends without an output, so that Lambda retries it.", failure, _cancellation);
        }

        if (failure is not null)
        {
            throw Failed(failure);
        }
    }

    /// <summary>Queues an update and sends it; completes when the service has acknowledged it.</summary>
    /// <exception cref="CheckpointException">The service failed this or an earlier checkpoint.</exception>
    public Task SendAsync(OperationUpdate update)
    {
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (start, failure) = _queue.Add(update, acknowledged);
        if (failure is not null)
        {
            return Task.FromException(new CheckpointException("An earlier checkpoint failed; no further checkpoints are sent in this invocation.", failure));
        }

        StartPump(start);
        return acknowledged.Task;
    }

    /// <summary>
    /// Queues an update that nothing waits for: it goes with the next call any update makes, at the latest
    /// when the invocation goes idle. A failure to send it fails the invocation (<see cref="ThrowIfFailed"/>).
    /// </summary>
    public void Enqueue(OperationUpdate update) => _queue.Add(update, acknowledged: null);

    /// <summary>Sends whatever is queued; completes when nothing is queued or in flight, or a checkpoint failed.</summary>
    public Task FlushAsync()
    {
        var (flushed, start) = _queue.RequestFlush();
        StartPump(start);
        return flushed ?? Task.CompletedTask;
    }

    private void StartPump(bool start)
    {
        if (!start)
        {
            return;
        }

        // The pump must not inherit the ambient context of whichever flow started it: a parent still
        // replaying would gate the line of a checkpoint that is being sent now.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(PumpAsync);
        }
    }

    private async Task PumpAsync()
    {
        using var invocation = DurableLogContext.BeginInvocation(_invocation);
        using var context = DurableLogContext.EnterContext(_engineContext);
        while (true)
        {
            await GatherAsync().ConfigureAwait(false);
            var batch = _queue.TakeCall();
            if (batch.Count == 0)
            {
                return;
            }

            string? token;
            bool tokenMissing;
            lock (_lock)
            {
                token = _token;
                tokenMissing = _tokenMissing;
            }

            if (tokenMissing)
            {
                Fail(batch, new InvalidServiceAnswerException(
                    AnswerName,
                    nameof(CheckpointResponse.CheckpointToken),
                    "missing: the previous checkpoint was accepted, but without the token that the next one must carry, no further checkpoint can be sent in this invocation. The invocation fails, so that Lambda retries it with a new token."));
                return;
            }

            try
            {
                var request = new CheckpointRequest { DurableExecutionArn = _executionArn, CheckpointToken = token };
                foreach (var item in batch)
                {
                    request.Updates.Add(item.Update);
                }

                var response = await _client.CheckpointAsync(request, _cancellation).ConfigureAwait(false)
                    ?? throw new InvalidServiceAnswerException(AnswerName, WireJsonPath.Root, "expected an answer ({\"CheckpointToken\": ..., \"NewExecutionState\": ...}), found null.");
                var merged = await MergeAsync(response).ConfigureAwait(false);
                EngineLog.CheckpointSent(_log, batch.Count, _pager.State.Count);
                _blocked.ResumeFinished(merged);
                _queue.Answered(batch);
            }
            catch (Exception exception)
            {
                Fail(batch, exception);
                return;
            }
        }
    }

    /// <summary>
    /// Lets the flows that still run add their updates to the next call (JS's SDK sends once its event loop is
    /// free; here that is when every running flow waits for an answer), for at most <see cref="GatherMilliseconds"/>.
    /// A flush (the invocation is idle, or the handler ended) goes at once.
    /// </summary>
    private async Task GatherAsync()
    {
        var since = Environment.TickCount64;
        while (Environment.TickCount64 - since < GatherMilliseconds)
        {
            if (_queue.ReadyToSend(_running.Running))
            {
                return;
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<StateReadPage>> MergeAsync(CheckpointResponse response)
    {
        var token = string.IsNullOrEmpty(response.CheckpointToken) ? null : response.CheckpointToken;
        if (token is null)
        {
            EngineLog.CheckpointTokenMissing(_log);
        }

        lock (_lock)
        {
            _token = token;
            _tokenMissing = token is null;
        }

        return await _pager.MergeAnswerAsync(response.NewExecutionState, token, _cancellation).ConfigureAwait(false);
    }

    private void Fail(List<QueuedUpdate> batch, Exception exception) => _queue.Fail(batch, exception, Failed(exception));

    /// <summary>The error a failed call gives its awaits and the invocation: the service's failure, its message bounded.</summary>
    private static CheckpointException Failed(Exception failure) =>
        new($"Checkpointing to the durable service failed: {ErrorText.Bound(failure.Message)}", failure);
}
