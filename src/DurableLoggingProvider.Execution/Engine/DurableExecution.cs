using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The engine's entry point: runs one invocation of a durable execution. It loads every page of the
/// execution's state, runs the handler from the top with an <see cref="IDurableContext"/>, replaying what
/// was checkpointed, and returns the invocation's output: <c>SUCCEEDED</c> with the result,
/// <c>FAILED</c> with the error, or <c>PENDING</c> when the handler waits on something only the service
/// can finish.
/// </summary>
public static class DurableExecution
{
    /// <summary>
    /// The largest output, in bytes as written (Lambda's 6 MB response), whose result is returned inline; a
    /// result that would make the output larger is checkpointed on the <c>EXECUTION</c> operation and returned as <c>""</c>.
    /// </summary>
    public const int MaxInlineResultLength = InvocationOutputRules.MaxResponseBytes;

    private static readonly Lazy<ILoggerFactory> s_defaultLoggers = new(() => LoggerFactory.Create(builder => builder.AddDurableLogging()));

    /// <summary>Runs one invocation.</summary>
    /// <typeparam name="TInput">The execution's input type.</typeparam>
    /// <typeparam name="TOutput">The execution's result type.</typeparam>
    /// <param name="input">The invocation input the service sent.</param>
    /// <param name="invocation">The Lambda invocation (request id, trace, tenant).</param>
    /// <param name="handler">
    /// The workflow: given the execution's input and the root context, returns its result. An execution started
    /// without input (or with JSON <c>null</c>) passes <see langword="null"/> (the type's default), as Lambda's .NET
    /// runtime does: declare <typeparamref name="TInput"/> nullable (<c>Order?</c>) if an execution may start without one.
    /// </param>
    /// <param name="options">The service client, serializer and loggers.</param>
    /// <param name="cancellationToken">
    /// Cancels the invocation's calls to the service: loading the state, every checkpoint and every page of its
    /// answer. The invocation's <see cref="LambdaInvocation.Deadline"/>, when set, cancels them too. A call
    /// cancelled either way ends the invocation with <see cref="OperationCanceledException"/>, no output, so
    /// that Lambda retries it; the workflow code never sees it as its own failure.
    /// </param>
    /// <returns>The invocation output to return to the service.</returns>
    /// <exception cref="DurableExecutionInputException">The input is malformed: no ARN, no <c>EXECUTION</c> operation, or an invalid operation in its state; the message names the field.</exception>
    /// <exception cref="OperationCanceledException">The invocation was cancelled, or its deadline passed, while a call to the service was under way.</exception>
    /// <exception cref="CheckpointException">
    /// The service could not be reached, refused a checkpoint, or answered with state the engine cannot use
    /// (then the inner exception is an <see cref="InvalidServiceAnswerException"/> naming the answer and the
    /// field): let the invocation fail so that Lambda retries it.
    /// </exception>
    public static async Task<DurableExecutionInvocationOutput> RunAsync<TInput, TOutput>(
        DurableExecutionInvocationInput input,
        LambdaInvocation invocation,
        Func<TInput, IDurableContext, Task<TOutput>> handler,
        DurableExecutionOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(input.DurableExecutionArn))
        {
            throw new DurableExecutionInputException("DurableExecutionArn", "is missing or empty: the input is not a durable execution's invocation", null);
        }

        var loggers = options.LoggerFactory ?? s_defaultLoggers.Value;
        // The engine's own lines (pages loaded, checkpoints sent, the outcome) describe work done now, in
        // every invocation: they belong to the execution but are never replayed.
        var engineContext = new DurableContextState(input.DurableExecutionArn, isReplaying: false, parentId: null, options.ReplayMode);
        using var cancellation = new InvocationCancellation(invocation.Deadline, options.TimeProvider, cancellationToken);
        using (DurableLogContext.BeginInvocation(invocation))
        using (DurableLogContext.EnterContext(engineContext))
        {
            var state = new CheckpointState(input.UpdatedOperationIds, input.InitialExecutionState?.Operations?.Count ?? 0);
            var checkpointsLog = loggers.CreateLogger(EngineLog.CheckpointsCategory);
            var pager = new StatePager(options.ServiceClient, input.DurableExecutionArn, options.StatePageSize, state, checkpointsLog);
            var execution = await pager.LoadAsync(input.InitialExecutionState, input.CheckpointToken, cancellation.Token).ConfigureAwait(false);

            var running = new RunningFlows();
            var blocked = new BlockedFlows(state, running);
            var checkpoints = new CheckpointBatcher(
                options.ServiceClient, input.DurableExecutionArn, input.CheckpointToken, pager, blocked, running, checkpointsLog, invocation, engineContext, cancellation.Token);
            var run = new ExecutionRun(input.DurableExecutionArn, state, checkpoints, running, blocked, options, loggers, invocation);
            var rootState = new DurableContextState(input.DurableExecutionArn, isReplaying: ReplayRules.RootSeed(state), parentId: null, options.ReplayMode);
            var root = new DurableContext(run, rootState, enclosing: null, parentId: null, new ExecutionFlow(), replayOnly: false, run.WorkflowLogger);

            DurableExecutionInvocationOutput output;
            try
            {
                output = await RunHandlerAsync(run, root, execution, handler).ConfigureAwait(false);
            }
            catch
            {
                DurableLogContext.EndInvocation(invocation, InvocationOutcome.Failed);
                throw;
            }

            EngineLog.InvocationEnded(run.SuspensionLog, output.Status);
            DurableLogContext.EndInvocation(invocation, OutcomeOf(output.Status));
            return output;
        }
    }

    /// <summary>The invocation's end as the logging seam names it, so held lines are written on failure only.</summary>
    private static InvocationOutcome OutcomeOf(InvocationStatus status) => status switch
    {
        InvocationStatus.Succeeded => InvocationOutcome.Succeeded,
        InvocationStatus.Pending => InvocationOutcome.Pending,
        _ => InvocationOutcome.Failed,
    };

    private static async Task<DurableExecutionInvocationOutput> RunHandlerAsync<TInput, TOutput>(
        ExecutionRun run, DurableContext root, Operation execution, Func<TInput, IDurableContext, Task<TOutput>> handler)
    {
        var handlerTask = RunInRootAsync(run, root, execution, handler);
        var suspended = await RunUntilSuspendedAsync(run, handlerTask).ConfigureAwait(false);

        if (run.Fatal is { } fatal)
        {
            return Failed(fatal);
        }

        // A failed checkpoint can be out of the handler's sight (a branch's, while its siblings block; one that
        // code caught): the invocation still fails, so that Lambda retries it, rather than end PENDING or SUCCEEDED.
        run.Checkpoints.ThrowIfFailed();

        if (suspended)
        {
            // Section 3: PENDING only while something is pending; otherwise the service refuses the output.
            if (!run.State.HasPendingOperation() && !run.Blocked.WaitOnUnknownOperation())
            {
                throw new DurableExecutionException(
                    "Nothing is left to run in this invocation, yet no operation is pending (no step waiting for a retry, no wait, callback or invoke started), so it cannot end PENDING: " +
                    "the service refuses that output. The invocation fails instead, so that Lambda retries it with the execution's current state.");
            }

            return new DurableExecutionInvocationOutput { Status = InvocationStatus.Pending };
        }

        TOutput result;
        try
        {
            result = await handlerTask.ConfigureAwait(false);
        }
        catch (CheckpointException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return run.Fatal is { } fatalError ? Failed(fatalError) : Failed(exception);
        }

        var payload = run.Serializer.Serialize(result);
        if (payload is not null && !InvocationOutputRules.FitsResponse(payload))
        {
            var update = new OperationUpdate { Id = execution.Id, Type = OperationType.Execution, Action = OperationAction.Succeed, Payload = payload };
            await run.Checkpoints.SendAsync(update).ConfigureAwait(false);
            payload = string.Empty;
        }

        return new DurableExecutionInvocationOutput { Status = InvocationStatus.Succeeded, Result = payload };
    }

    /// <summary>
    /// Runs until the handler ends or the invocation is idle with nothing queued: whenever every flow is
    /// blocked, what is still queued is sent, and if its answer shows an awaited operation finished, that
    /// flow runs again. Returns whether the invocation suspends.
    /// </summary>
    private static async Task<bool> RunUntilSuspendedAsync(ExecutionRun run, Task handlerTask)
    {
        while (true)
        {
            var finished = await Task.WhenAny(handlerTask, run.Running.Idle).ConfigureAwait(false);
            await run.Checkpoints.FlushAsync().ConfigureAwait(false);
            if (finished == handlerTask || run.Fatal is not null)
            {
                return false;
            }

            if (run.Checkpoints.HasFailed || run.Running.IsIdle)
            {
                return true;
            }
        }
    }

    private static Task<TOutput> RunInRootAsync<TInput, TOutput>(ExecutionRun run, DurableContext root, Operation execution, Func<TInput, IDurableContext, Task<TOutput>> handler) =>
        DurableContext.RunInContextAsync(root, async context =>
        {
            // Yield first, so that a handler that blocks at once still lets the caller watch for suspension.
            await Task.Yield();
            // An execution started without input (or with JSON null) hands the handler null, as Lambda's .NET runtime
            // does: a handler that may be started so declares its input type nullable.
            var input = run.Serializer.Deserialize<TInput>(execution.ExecutionDetails?.InputPayload);
            return await handler(input!, context).ConfigureAwait(false);
        });

    private static DurableExecutionInvocationOutput Failed(Exception exception) =>
        new() { Status = InvocationStatus.Failed, Error = ErrorObjects.From(exception) };
}
