using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>What a wait-for-condition's check is given.</summary>
public interface IConditionCheckContext
{
    /// <summary>The context's logger; its lines carry the operation's id, name and check number.</summary>
    ILogger Logger { get; }

    /// <summary>This check's number, from 1.</summary>
    int AttemptNumber { get; }

    /// <summary>The wait-for-condition's operation id, as the service records it.</summary>
    string OperationId { get; }

    /// <summary>The <c>ParentId</c> of the operation: the id of the child context, map item, branch or wait-for-callback it runs in; <see langword="null"/> at the root.</summary>
    string? ParentId { get; }

    /// <summary>The operation's name, as checkpointed; <see langword="null"/> if it has none.</summary>
    string? OperationName { get; }
}
