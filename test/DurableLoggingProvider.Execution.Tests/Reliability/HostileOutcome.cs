using System;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>What one run against a hostile service came to: its output or exception, and how often the workflow and the step's body ran.</summary>
internal sealed record HostileOutcome(DurableExecutionInvocationOutput? Output, Exception? Exception, int HandlerRuns, int BodyRuns)
{
    /// <summary>The <see cref="InvalidServiceAnswerException"/> a <see cref="CheckpointException"/> carries, or null.</summary>
    public InvalidServiceAnswerException? InvalidAnswer => (Exception as CheckpointException)?.InnerException as InvalidServiceAnswerException;
}
