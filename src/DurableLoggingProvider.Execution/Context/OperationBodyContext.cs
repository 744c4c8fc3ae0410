using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>The context given to step bodies, condition checks and callback submitters.</summary>
internal sealed class OperationBodyContext(ILogger logger, int attemptNumber, string operationId, string? parentId, string? operationName)
    : IStepContext, IConditionCheckContext, IWaitForCallbackContext
{
    public ILogger Logger { get; } = logger;

    public int AttemptNumber { get; } = attemptNumber;

    public string OperationId { get; } = operationId;

    public string? ParentId { get; } = parentId;

    public string? OperationName { get; } = operationName;
}
