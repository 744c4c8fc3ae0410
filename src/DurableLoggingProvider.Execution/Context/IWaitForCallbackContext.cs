using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>What a wait-for-callback's submitter is given.</summary>
public interface IWaitForCallbackContext
{
    /// <summary>The context's logger.</summary>
    ILogger Logger { get; }

    /// <summary>The id of the submitter's step, as the service records it; its <see cref="ParentId"/> is the wait-for-callback's.</summary>
    string OperationId { get; }

    /// <summary>The <c>ParentId</c> of the operation: the wait-for-callback's own operation id.</summary>
    string? ParentId { get; }

    /// <summary>The submitter step's name, as checkpointed: <c>submitter</c>.</summary>
    string? OperationName { get; }
}
