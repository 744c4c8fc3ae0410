using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// An awaited durable call as <see cref="OperationSkeleton"/> runs it: what it claims, the checks made when
/// the call begins, and what it does against its checkpoint. Implemented by structs, so that the skeleton's
/// generic call neither boxes the operation nor allocates a closure for it.
/// </summary>
/// <typeparam name="T">What the await returns.</typeparam>
internal interface IDurableOperation<T>
{
    /// <summary>The operation's type, as checkpointed.</summary>
    OperationType Type { get; }

    /// <summary>The operation's sub-type, as checkpointed.</summary>
    string SubType { get; }

    /// <summary>The operation's name, as checkpointed; <see langword="null"/> for none.</summary>
    string? Name { get; }

    /// <summary>Argument and cancellation checks made before the claim; what they throw faults the returned task.</summary>
    void Validate();

    /// <summary>Replays, waits for or runs the claimed operation, reading its checkpoint through <see cref="OperationSkeleton.PhaseOf"/>.</summary>
    /// <param name="context">The context that claimed it.</param>
    /// <param name="operation">The claimed operation.</param>
    ValueTask<T> RunAsync(DurableContext context, ClaimedOperation operation);
}
