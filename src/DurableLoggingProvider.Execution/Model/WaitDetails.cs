namespace DurableLoggingProvider.Execution;

/// <summary>Details of a <c>WAIT</c> operation.</summary>
public sealed class WaitDetails
{
    /// <summary>When the wait ends, in milliseconds since the Unix epoch.</summary>
    public long? ScheduledEndTimestamp { get; set; }
}
