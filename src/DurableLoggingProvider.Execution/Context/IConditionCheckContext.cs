using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>What a wait-for-condition's check is given.</summary>
public interface IConditionCheckContext
{
    /// <summary>The context's logger; its lines carry the operation's id, name and check number.</summary>
    ILogger Logger { get; }

    /// <summary>This check's number, from 1.</summary>
    int AttemptNumber { get; }
}
