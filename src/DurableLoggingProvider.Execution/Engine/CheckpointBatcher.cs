using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// Sends checkpoint updates to the service, one call at a time, in the order they were made. Updates
/// made while a call is in flight (by parallel branches, say) go together in the next call. Each update's
/// task completes once the service has acknowledged it and its answer, every page of it, is merged into
/// the state by the <see cref="StatePager"/>. Each call is sent with the token the previous answer
/// returned; an answer without one leaves nothing to send the next call with, so that call fails the
/// invocation (Lambda retries it, with a new token) instead of sending a spent token.
/// </summary>
internal sealed class CheckpointBatcher
{
    private const int MaxUpdatesPerCall = 200;
    private const string AnswerName = "CheckpointDurableExecution answer";

    private readonly object _lock = new();
    private readonly List<(OperationUpdate Update, TaskCompletionSource Acknowledged)> _queue = [];
    private readonly IDurableServiceClient _client;
    private readonly string _executionArn;
    private readonly StatePager _pager;
    private readonly ILogger _log;
    private readonly LambdaInvocation _invocation;
    private readonly DurableContextState _engineContext;
    private string? _token;
    private bool _tokenMissing;
    private bool _sending;
    private Exception? _failure;

    public CheckpointBatcher(
        IDurableServiceClient client, string executionArn, string? token, StatePager pager, ILogger log, LambdaInvocation invocation, DurableContextState engineContext)
    {
        _invocation = invocation;
        _engineContext = engineContext;
        _client = client;
        _executionArn = executionArn;
        _token = token;
        _pager = pager;
        _log = log;
    }

    /// <summary>
    /// Throws when a checkpoint failed in this invocation: the service's state is then behind the code's,
    /// whatever the code made of the error.
    /// </summary>
    /// <exception cref="CheckpointException">A checkpoint failed.</exception>
    public void ThrowIfFailed()
    {
        Exception? failure;
        lock (_lock)
        {
            failure = _failure;
        }

        if (failure is not null)
        {
            throw new CheckpointException($"Checkpointing to the durable service failed: {ErrorText.Bound(failure.Message)}", failure);
        }
    }

    /// <summary>Queues an update; completes when the service has acknowledged it.</summary>
    /// <exception cref="CheckpointException">The service failed this or an earlier checkpoint.</exception>
    public Task SendAsync(OperationUpdate update)
    {
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_lock)
        {
            if (_failure is not null)
            {
                return Task.FromException(new CheckpointException("An earlier checkpoint failed; no further checkpoints are sent in this invocation.", _failure));
            }

            _queue.Add((update, acknowledged));
            start = !_sending;
            _sending = true;
        }

        if (start)
        {
            // The pump must not inherit the ambient context of whichever flow started it: a parent still
            // replaying would gate the line of a checkpoint that is being sent now.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(PumpAsync);
            }
        }

        return acknowledged.Task;
    }

    private async Task PumpAsync()
    {
        using var invocation = DurableLogContext.BeginInvocation(_invocation);
        using var context = DurableLogContext.EnterContext(_engineContext);
        while (true)
        {
            List<(OperationUpdate Update, TaskCompletionSource Acknowledged)> batch;
            string? token;
            bool tokenMissing;
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    _sending = false;
                    return;
                }

                var count = Math.Min(_queue.Count, MaxUpdatesPerCall);
                batch = _queue.GetRange(0, count);
                _queue.RemoveRange(0, count);
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

                var response = await _client.CheckpointAsync(request, CancellationToken.None).ConfigureAwait(false)
                    ?? throw new InvalidServiceAnswerException(AnswerName, WireJsonPath.Root, "expected an answer ({\"CheckpointToken\": ..., \"NewExecutionState\": ...}), found null.");
                await MergeAsync(response).ConfigureAwait(false);
                EngineLog.CheckpointSent(_log, batch.Count, _pager.State.Count);
                foreach (var item in batch)
                {
                    item.Acknowledged.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                Fail(batch, exception);
                return;
            }
        }
    }

    private async Task MergeAsync(CheckpointResponse response)
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

        await _pager.MergeAnswerAsync(response.NewExecutionState, token).ConfigureAwait(false);
    }

    private void Fail(List<(OperationUpdate Update, TaskCompletionSource Acknowledged)> batch, Exception exception)
    {
        List<(OperationUpdate Update, TaskCompletionSource Acknowledged)> waiting;
        lock (_lock)
        {
            _failure = exception;
            waiting = [.. batch, .. _queue];
            _queue.Clear();
            _sending = false;
        }

        var failure = new CheckpointException($"Checkpointing to the durable service failed: {ErrorText.Bound(exception.Message)}", exception);
        foreach (var item in waiting)
        {
            item.Acknowledged.TrySetException(failure);
        }
    }
}
