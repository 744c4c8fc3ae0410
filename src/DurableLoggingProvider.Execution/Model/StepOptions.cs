namespace DurableLoggingProvider.Execution;

/// <summary>Options of a <c>STEP</c> update.</summary>
public sealed class StepOptions
{
    /// <summary>On <c>RETRY</c>: seconds until the next attempt, at least 1.</summary>
    public int? NextAttemptDelaySeconds { get; set; }
}
