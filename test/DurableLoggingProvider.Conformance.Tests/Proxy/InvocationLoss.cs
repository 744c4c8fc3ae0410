using System;
using System.Linq;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// When to give an invocation up (as a crash or a timeout would): right after AWS accepted a checkpoint
/// holding <paramref name="Action"/> of the operation named <paramref name="OperationName"/>, the first time only.
/// </summary>
/// <param name="OperationName">The operation whose checkpoint ends the invocation.</param>
/// <param name="Action">Which of its actions: <c>START</c> leaves it STARTED for the next invocation.</param>
internal sealed record InvocationLoss(string OperationName, OperationAction Action = OperationAction.Start)
{
    /// <summary>
    /// Runs once the invocation is given up, before the engine hears of it: ends work the lost invocation left
    /// running (a body that waits for something that never comes while the invocation lives), as the end of its process would.
    /// </summary>
    public Action? Ended { get; init; }

    /// <summary>Whether this accepted checkpoint is the one after which the invocation is lost.</summary>
    public bool EndsAfter(CheckpointRequest request) =>
        request.Updates.Any(update => update.Action == Action && update.Name == OperationName);
}
