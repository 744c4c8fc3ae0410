using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// What workflow code calls to do durable work: each call is checkpointed, and on every later
/// invocation it is replayed from the checkpoint instead of being done again. The names and shapes follow
/// the official <c>Amazon.Lambda.DurableExecution</c> SDK.
/// </summary>
/// <remarks>
/// Every <see cref="ILogger"/> in the process (injected ones included) writes each line once across
/// invocations: the engine tells the durable logging provider, per context, whether the code is
/// replaying.
/// </remarks>
public interface IDurableContext
{
    /// <summary>A logger for workflow code that does not use dependency injection; gated like every other.</summary>
    ILogger Logger { get; }

    /// <summary>The execution this context belongs to.</summary>
    IDurableExecutionInfo ExecutionInfo { get; }

    /// <summary>The Lambda invocation running the code now.</summary>
    LambdaInvocation Invocation { get; }

    /// <summary>
    /// The id of this context's own <c>CONTEXT</c> operation (a child context, a map item, a parallel branch, a
    /// wait-for-callback), as the service records it: the <c>ParentId</c> of every operation called here.
    /// <see langword="null"/> in the root context, whose operations have no parent.
    /// </summary>
    string? OperationId { get; }

    /// <summary>
    /// The <c>ParentId</c> of this context's own operation: the id of the context it was created in.
    /// <see langword="null"/> in the root context and in contexts created directly by it.
    /// </summary>
    string? ParentId { get; }

    /// <summary>
    /// The name of this context's own operation, as checkpointed: the child context's or wait-for-callback's name, a
    /// map item's or branch's (<c>map-item-0</c> or <c>parallel-branch-0</c> unless named). <see langword="null"/> in the
    /// root context, and for a child context called without a name.
    /// </summary>
    string? OperationName { get; }

    /// <summary>
    /// Makes <see cref="Logger"/> (here and in contexts created from here on) write through another logger,
    /// a Serilog or console logger say, with the same replay gate and the durable fields as a scope.
    /// </summary>
    /// <param name="logger">The logger to write through.</param>
    void SetLogger(ILogger logger);

    /// <summary>Runs a step: checkpointed with its result, retried by its strategy, replayed from the checkpoint.</summary>
    /// <param name="func">The step's body.</param>
    /// <param name="name">The step's name, recorded in the checkpoint and on its log lines.</param>
    /// <param name="config">Retry strategy and semantics.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    Task<T> StepAsync<T>(Func<IStepContext, Task<T>> func, string? name = null, StepConfig? config = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a step that returns no value.</summary>
    /// <param name="func">The step's body.</param>
    /// <param name="name">The step's name.</param>
    /// <param name="config">Retry strategy and semantics.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    Task StepAsync(Func<IStepContext, Task> func, string? name = null, StepConfig? config = null, CancellationToken cancellationToken = default);

    /// <summary>Suspends the execution for a duration without using compute; the service invokes the function again after it.</summary>
    /// <param name="duration">From 1 second to 31,622,400 seconds (about a year).</param>
    /// <param name="name">The wait's name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task WaitAsync(TimeSpan duration, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Runs code in a child context, checkpointed as one operation with its own operation ids.</summary>
    /// <param name="func">The child's code.</param>
    /// <param name="name">The child context's name.</param>
    /// <param name="cancellationToken">Cancels the child context.</param>
    Task<T> RunInChildContextAsync<T>(Func<IDurableContext, Task<T>> func, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Runs code that returns no value in a child context.</summary>
    /// <param name="func">The child's code.</param>
    /// <param name="name">The child context's name.</param>
    /// <param name="cancellationToken">Cancels the child context.</param>
    Task RunInChildContextAsync(Func<IDurableContext, Task> func, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a callback for an external system to answer. Hand its <see cref="ICallback{T}.CallbackId"/>
    /// to that system, then await <see cref="ICallback{T}.GetResultAsync"/>.
    /// </summary>
    /// <param name="name">The callback's name.</param>
    /// <param name="config">Timeouts; only those set are sent, and without them the callback waits for ever.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    Task<ICallback<T>> CreateCallbackAsync<T>(string? name = null, CallbackConfig? config = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a callback, runs <paramref name="submitter"/> with its id as a step, and waits for the answer,
    /// read as <see cref="ICallback{T}.GetResultAsync"/> reads it (plain text as it is for a <see cref="string"/>).
    /// </summary>
    /// <param name="submitter">Hands the callback id to the external system.</param>
    /// <param name="name">The operation's name.</param>
    /// <param name="config">Timeouts and the submitter's retry strategy.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<T> WaitForCallbackAsync<T>(Func<string, IWaitForCallbackContext, Task> submitter, string? name = null, WaitForCallbackConfig? config = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a condition until the wait strategy stops, suspending the execution between checks. Each
    /// check's state is checkpointed and handed to the next.
    /// </summary>
    /// <param name="check">Given the previous state, returns the next.</param>
    /// <param name="config">The initial state and the wait strategy.</param>
    /// <param name="name">The operation's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<TState> WaitForConditionAsync<TState>(Func<TState, IConditionCheckContext, CancellationToken, Task<TState>> check, WaitForConditionConfig<TState> config, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Invokes another durable function and waits for its result; checkpointed, so it is not fired twice.</summary>
    /// <param name="functionName">A qualified function name or ARN (version, alias or <c>$LATEST</c>).</param>
    /// <param name="payload">The input to send.</param>
    /// <param name="name">The operation's name.</param>
    /// <param name="config">The tenant to invoke for.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<TResult> InvokeAsync<TPayload, TResult>(string functionName, TPayload payload, string? name = null, InvokeConfig? config = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="func"/> for each item, each in its own child context, concurrently; item <c>i</c>'s operation
    /// is named <c>map-item-i</c> unless <see cref="MapConfig.ItemNamer"/> names it.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <param name="func">Given an item's context, the item and its index, returns its result.</param>
    /// <param name="name">The map's name.</param>
    /// <param name="config">How many items run at once.</param>
    /// <param name="cancellationToken">Cancels the map.</param>
    Task<BatchResult<TResult>> MapAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<IDurableContext, TItem, int, Task<TResult>> func, string? name = null, MapConfig? config = null, CancellationToken cancellationToken = default);

    /// <summary>Runs branches concurrently, each in its own child context; branch <c>i</c>'s operation is named <c>parallel-branch-i</c>.</summary>
    /// <param name="branches">The branches.</param>
    /// <param name="name">The parallel's name.</param>
    /// <param name="config">How many branches run at once.</param>
    /// <param name="cancellationToken">Cancels the parallel.</param>
    Task<BatchResult<TResult>> ParallelAsync<TResult>(IReadOnlyList<Func<IDurableContext, Task<TResult>>> branches, string? name = null, ParallelConfig? config = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs named branches concurrently, each in its own child context: each branch's operation is
    /// checkpointed with its <see cref="ParallelBranch{TResult}.Name"/> (unnamed ones get <c>parallel-branch-</c> and their index).
    /// </summary>
    /// <param name="branches">The branches and their names.</param>
    /// <param name="name">The parallel's name.</param>
    /// <param name="config">How many branches run at once.</param>
    /// <param name="cancellationToken">Cancels the parallel.</param>
    Task<BatchResult<TResult>> ParallelAsync<TResult>(IReadOnlyList<ParallelBranch<TResult>> branches, string? name = null, ParallelConfig? config = null, CancellationToken cancellationToken = default);
}
