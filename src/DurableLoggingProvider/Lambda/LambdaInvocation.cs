using System;
using System.Threading;

namespace DurableLoggingProvider;

/// <summary>
/// One Lambda invocation as the log lines see it: its request id, trace and tenant, and the function it
/// belongs to. Begin it with <see cref="DurableLogContext.BeginInvocation(LambdaInvocation)"/> at the top
/// of the handler; every line written inside carries its values.
/// </summary>
/// <remarks>
/// Built from <c>ILambdaContext</c> in one line:
/// <code>new LambdaInvocation(context.AwsRequestId) { TraceId = context.TraceId, TenantId = context.TenantId, FunctionArn = context.InvokedFunctionArn, Deadline = DateTimeOffset.UtcNow + context.RemainingTime }</code>
/// </remarks>
public sealed class LambdaInvocation
{
    private static int s_begun;
    private int _coldStart = -1;

    /// <summary>Creates the invocation with the request id Lambda gave it.</summary>
    /// <param name="requestId">The invocation's request id (<c>ILambdaContext.AwsRequestId</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is null or empty.</exception>
    public LambdaInvocation(string requestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        RequestId = requestId;
    }

    /// <summary>The invocation's request id.</summary>
    public string RequestId { get; }

    /// <summary>
    /// The X-Ray trace header of this invocation. Defaults to <c>_X_AMZN_TRACE_ID</c> when the process
    /// serves one invocation at a time; under <c>AWS_LAMBDA_MAX_CONCURRENCY</c> that variable is shared
    /// by concurrent invocations, so only the value passed here is used.
    /// </summary>
    public string? TraceId { get; init; } = LambdaEnvironment.SingleConcurrencyTraceId();

    /// <summary>The tenant id of a tenant-isolated function's invocation (<c>ILambdaContext.TenantId</c>).</summary>
    public string? TenantId { get; init; }

    /// <summary>
    /// When Lambda stops this invocation (its configured timeout), or <see langword="null"/> when unknown.
    /// From <c>ILambdaContext</c>: <c>DateTimeOffset.UtcNow + context.RemainingTime</c>, taken at the top of the
    /// handler. Work that retries, such as the durable service client's calls, gives up before it, so that the
    /// handler can still end the invocation itself instead of being cut off mid-line.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>
    /// The ARN the invocation was made with (<c>ILambdaContext.InvokedFunctionArn</c>), with the alias or version the
    /// caller named, if any. Lambda sets no environment variable for it; written as <c>functionArn</c> with
    /// <see cref="DurableLoggerOptions.PowertoolsFields"/>.
    /// </summary>
    public string? FunctionArn { get; init; }

    /// <summary>The function this invocation runs; by default read from the Lambda environment variables.</summary>
    public LambdaFunctionIdentity Function { get; init; } = LambdaFunctionIdentity.FromEnvironment();

    /// <summary>
    /// <see langword="true"/> for the first invocation begun in this process, the one that paid for
    /// the cold start. Known once the invocation has been begun; <see langword="false"/> before.
    /// </summary>
    public bool IsColdStart => _coldStart == 1;

    /// <summary>How many distinct invocations this process has begun; lets tests reason about the process-wide cold start.</summary>
    internal static int BegunInProcess => Volatile.Read(ref s_begun);

    internal void MarkBegun()
    {
        if (_coldStart == -1)
        {
            _coldStart = Interlocked.Increment(ref s_begun) == 1 ? 1 : 0;
        }
    }
}
