using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>What a step's body is given.</summary>
public interface IStepContext
{
    /// <summary>The context's logger; its lines carry the step's id, name and attempt.</summary>
    ILogger Logger { get; }

    /// <summary>This attempt's number, from 1.</summary>
    int AttemptNumber { get; }

    /// <summary>The step's operation id, as the service records it.</summary>
    string OperationId { get; }

    /// <summary>The <c>ParentId</c> of the operation: the id of the child context, map item, branch or wait-for-callback it runs in; <see langword="null"/> at the root.</summary>
    string? ParentId { get; }

    /// <summary>The operation's name, as checkpointed; <see langword="null"/> if it has none.</summary>
    string? OperationName { get; }
}
