using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>Details of a <c>WAIT</c> operation.</summary>
public sealed class WaitDetails
{
    /// <summary>When the wait ends, in milliseconds since the Unix epoch (read from milliseconds or an ISO 8601 string).</summary>
    [JsonConverter(typeof(EpochMillisecondsConverter))]
    public long? ScheduledEndTimestamp { get; set; }
}
