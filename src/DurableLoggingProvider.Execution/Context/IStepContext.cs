using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution;

/// <summary>What a step's body is given.</summary>
public interface IStepContext
{
    /// <summary>The context's logger; its lines carry the step's id, name and attempt.</summary>
    ILogger Logger { get; }

    /// <summary>This attempt's number, from 1.</summary>
    int AttemptNumber { get; }

    /// <summary>The step's operation id.</summary>
    string OperationId { get; }
}
