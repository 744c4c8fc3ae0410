namespace DurableLoggingProvider.Execution;

/// <summary>Groups the statuses as the service does.</summary>
public static class OperationStatusExtensions
{
    /// <summary>Whether the status is terminal: <c>SUCCEEDED</c>, <c>FAILED</c>, <c>CANCELLED</c>, <c>TIMED_OUT</c> or <c>STOPPED</c>.</summary>
    public static bool IsTerminal(this OperationStatus status) =>
        status is OperationStatus.Succeeded or OperationStatus.Failed or OperationStatus.Cancelled or OperationStatus.TimedOut or OperationStatus.Stopped;
}
