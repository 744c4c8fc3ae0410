using System;
using System.Threading;

namespace DurableLoggingProvider;

/// <summary>
/// The ambient context that every line written through the provider reads: the Lambda invocation, the
/// durable context and the operation the running code belongs to. It flows with the code through
/// <see cref="AsyncLocal{T}"/>, so concurrent invocations in one process never see each other's values
/// and an <c>ILogger</c> injected long before reads the context it is called from.
/// </summary>
/// <remarks>
/// This is the seam between the provider and a durable runtime: the runtime begins the invocation,
/// enters each durable context and operation, and moves each context from replaying to live; the
/// provider only reads.
/// </remarks>
public static class DurableLogContext
{
    private static readonly AsyncLocal<AmbientFrame?> s_current = new(MirrorOnThread);

    /// <summary>
    /// The frame of the code running on this thread, kept equal to <see cref="s_current"/>'s value by the
    /// runtime's change notification: it calls <see cref="MirrorOnThread"/> whenever the thread's value
    /// changes, by a set or by the thread switching execution contexts (an await resuming, a thread-pool
    /// item starting or ending), as it does for <c>CultureInfo.CurrentCulture</c>. The hot path reads this
    /// field, about twice as cheap as the <c>AsyncLocal</c>'s own lookup (docs/performance.md, section 5).
    /// Two windows are left, both inside the runtime's own switch of contexts: while it calls the change
    /// handlers of other <c>AsyncLocal</c>s registered before this one (a line logged from such a handler, say an
    /// <c>Activity.CurrentChanged</c> listener, can carry the frame being left), and a frame entered from such a
    /// handler while the thread pool resets a thread between work items. With a handler, a value set back to
    /// null stays in the execution context, so each later context switch calls the handler; replay, which
    /// switches on every step, measured no difference.
    /// </summary>
    [ThreadStatic]
    private static AmbientFrame? s_threadFrame;

    /// <summary>The invocation the running code belongs to, or <see langword="null"/> outside one.</summary>
    public static LambdaInvocation? Invocation => s_threadFrame?.Invocation;

    /// <summary>The durable context the running code belongs to, or <see langword="null"/> outside durable code.</summary>
    public static DurableContextState? Context => s_threadFrame?.Context;

    /// <summary>The durable operation whose body is running, or <see langword="null"/>.</summary>
    public static DurableOperation? Operation => s_threadFrame?.Operation;

    internal static AmbientFrame? CurrentFrame => s_threadFrame;

    /// <summary>
    /// Begins an invocation: until the returned scope is disposed, lines carry its request id, trace and
    /// tenant. Any durable context or operation of an enclosing invocation is left behind.
    /// </summary>
    /// <param name="invocation">The invocation.</param>
    /// <returns>A scope that ends the invocation's context when disposed.</returns>
    public static DurableLogContextScope BeginInvocation(LambdaInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        invocation.MarkBegun();
        return Push(new AmbientFrame(invocation, context: null, operation: null));
    }

    /// <summary>
    /// Enters a durable context: until the returned scope is disposed, lines carry its execution ARN and
    /// parent id and the replay gate follows its status. The current operation is left behind; the
    /// invocation is kept.
    /// </summary>
    /// <param name="context">The durable context.</param>
    /// <returns>A scope that leaves the context when disposed.</returns>
    public static DurableLogContextScope EnterContext(DurableContextState context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Push(new AmbientFrame(s_current.Value?.Invocation, context, operation: null));
    }

    /// <summary>
    /// Enters a durable operation's body: until the returned scope is disposed, lines carry its id, name
    /// and attempt. The invocation and durable context are kept.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <returns>A scope that leaves the operation when disposed.</returns>
    public static DurableLogContextScope EnterOperation(DurableOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var current = s_current.Value;
        return Push(new AmbientFrame(current?.Invocation, current?.Context, operation));
    }

    /// <summary>
    /// Reports how an invocation ended, before its scope is disposed: the lines the provider holds for it (log
    /// buffering) are written when it failed and dropped otherwise. Only the first report of an invocation counts;
    /// a runtime that never reports leaves held lines to be dropped with the invocation.
    /// </summary>
    /// <param name="invocation">The invocation, as begun with <see cref="BeginInvocation(LambdaInvocation)"/>.</param>
    /// <param name="outcome">How it ended.</param>
    public static void EndInvocation(LambdaInvocation invocation, InvocationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        InvocationEnds.Report(invocation, outcome);
    }

    internal static void Restore(AmbientFrame? previous) => s_current.Value = previous;

    private static void MirrorOnThread(AsyncLocalValueChangedArgs<AmbientFrame?> change) => s_threadFrame = change.CurrentValue;

    private static DurableLogContextScope Push(AmbientFrame frame)
    {
        var previous = s_current.Value;
        s_current.Value = frame;
        return new DurableLogContextScope(previous);
    }
}
