using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>Details of a <c>STEP</c> operation.</summary>
public sealed class StepDetails
{
    /// <summary>How many attempts have failed so far: 0 (or absent) on the first run, at most 31,622,400 (an input with more is refused).</summary>
    public int? Attempt { get; set; }

    /// <summary>When the next attempt may run, in milliseconds since the Unix epoch, read from milliseconds or an ISO 8601 string (while <c>PENDING</c>).</summary>
    [JsonConverter(typeof(EpochMillisecondsConverter))]
    public long? NextAttemptTimestamp { get; set; }

    /// <summary>The step's result, as serialized JSON text.</summary>
    public string? Result { get; set; }

    /// <summary>The step's last error.</summary>
    public ErrorObject? Error { get; set; }
}
