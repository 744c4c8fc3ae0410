using System.Linq;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// When to give an invocation up (as a crash or a timeout would): right after AWS accepted a checkpoint
/// that started the operation named <paramref name="OperationName"/>, the first time only.
/// </summary>
/// <param name="OperationName">The operation whose START ends the invocation.</param>
internal sealed record InvocationLoss(string OperationName)
{
    /// <summary>Whether this accepted checkpoint is the one after which the invocation is lost.</summary>
    public bool EndsAfter(CheckpointRequest request) =>
        request.Updates.Any(update => update.Action == OperationAction.Start && update.Name == OperationName);
}
