namespace DurableLoggingProvider.Execution;

/// <summary>Facts about the durable execution.</summary>
public interface IExecutionContext
{
    /// <summary>The durable execution's ARN.</summary>
    string DurableExecutionArn { get; }
}
