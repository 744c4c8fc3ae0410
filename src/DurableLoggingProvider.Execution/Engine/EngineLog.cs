using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The engine's own diagnostic lines, at Debug (a service answer without a token: Warning) under the <c>DurableLoggingProvider.Execution</c>
/// categories, so that one configuration line (<c>"DurableLoggingProvider.Execution": "Warning"</c>)
/// silences them. They go through the same providers and replay gate as every other line.
/// </summary>
internal static partial class EngineLog
{
    public const string CheckpointsCategory = "DurableLoggingProvider.Execution.Checkpoints";
    public const string ReplayCategory = "DurableLoggingProvider.Execution.Replay";
    public const string SuspensionCategory = "DurableLoggingProvider.Execution.Suspension";

    [LoggerMessage(1, LogLevel.Debug, "Checkpointed {UpdateCount} update(s) in one call; the state now holds {OperationCount} operation(s)")]
    public static partial void CheckpointSent(ILogger logger, int updateCount, int operationCount);

    [LoggerMessage(2, LogLevel.Debug, "Loaded state page {Page}: {OperationCount} operation(s)")]
    public static partial void StatePageLoaded(ILogger logger, int page, int operationCount);

    [LoggerMessage(3, LogLevel.Debug, "Context {ContextId} goes live at operation {OperationId}: {Reason}")]
    public static partial void ContextLive(ILogger logger, string contextId, string operationId, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Operation {OperationId} ({OperationType}) is pending: {Reason}")]
    public static partial void Blocked(ILogger logger, string operationId, OperationType operationType, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Invocation ends {Status}")]
    public static partial void InvocationEnded(ILogger logger, InvocationStatus status);

    [LoggerMessage(6, LogLevel.Warning, "The durable service accepted a checkpoint but returned no CheckpointToken: the next checkpoint of this invocation cannot be sent, and fails the invocation so that Lambda retries it")]
    public static partial void CheckpointTokenMissing(ILogger logger);
}
