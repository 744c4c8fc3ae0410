namespace DurableLoggingProvider.Execution;

/// <summary>What a durable handler returns from an invocation.</summary>
public sealed class DurableExecutionInvocationOutput
{
    /// <summary>How the invocation left the execution.</summary>
    public InvocationStatus Status { get; set; }

    /// <summary>The execution's result as serialized JSON text (<see cref="InvocationStatus.Succeeded"/> only; omitted when null).</summary>
    public string? Result { get; set; }

    /// <summary>The execution's error (<see cref="InvocationStatus.Failed"/> only).</summary>
    public ErrorObject? Error { get; set; }
}
