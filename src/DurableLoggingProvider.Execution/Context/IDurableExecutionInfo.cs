namespace DurableLoggingProvider.Execution;

/// <summary>Facts about the durable execution a context belongs to (named apart from <see cref="System.Threading.ExecutionContext"/>).</summary>
public interface IDurableExecutionInfo
{
    /// <summary>The durable execution's ARN.</summary>
    string DurableExecutionArn { get; }
}
