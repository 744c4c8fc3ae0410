using System.Collections.Generic;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>
/// The durable fields every line carries: the execution, the invocation and the operation. Ours reads them
/// from the ambient context (<see cref="Enter"/>); a peer gets the same names and values as one scope
/// (<see cref="Scope"/>), pushed once.
/// </summary>
internal static class WorkloadFields
{
    public const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST/durable-execution/order-1001/7f3c9a1e-0d1b-4c55-9a6e-2b8e4f1c0a77";

    public const string RequestId = "req-1";

    public const string OperationName = "charge-payment";

    public const int Attempt = 1;

    /// <summary>
    /// The id the engine gives the first operation at the root, <c>OperationIds.Create(null, 1)</c>: the
    /// SHA-256 of "1". Written out so that the start-up probe does not load the engine to get it.
    /// </summary>
    public const string OperationId = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";

    /// <summary>
    /// The fields as one scope, for loggers that take them from <c>BeginScope</c>: a list of pairs, the shape
    /// the library's <c>ReplayAwareLogger</c> gives other loggers.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, object>> Scope = new List<KeyValuePair<string, object>>
    {
        new("executionArn", ExecutionArn),
        new("requestId", RequestId),
        new("operationId", OperationId),
        new("operationName", OperationName),
        new("attempt", Attempt),
    };

    /// <summary>
    /// Sets the ambient durable context ours reads, as the engine does inside a step's body: the invocation,
    /// the durable context (live or replaying) and the operation.
    /// </summary>
    /// <param name="isReplaying">Whether the durable context replays, so that the gate suppresses its lines.</param>
    /// <returns>The context; dispose it to leave.</returns>
    public static AmbientDurableContext Enter(bool isReplaying) => new(isReplaying);
}
