using System.Diagnostics;

namespace DurableLoggingProvider;

/// <summary>
/// The W3C trace and span ids of <see cref="Activity.Current"/>, the span OpenTelemetry (and ASP.NET Core, and
/// <c>HttpClient</c>) tracks for the running code, as lowercase hex. An activity with the older hierarchical id
/// format has no W3C ids and gives none.
/// </summary>
internal readonly struct ActivityIds
{
    private ActivityIds(string traceId, string spanId)
    {
        TraceId = traceId;
        SpanId = spanId;
    }

    /// <summary>The 32 hex digits of the trace id.</summary>
    public string TraceId { get; }

    /// <summary>The 16 hex digits of the span id.</summary>
    public string SpanId { get; }

    /// <summary>Whether there were ids to read.</summary>
    public bool IsPresent => TraceId is not null;

    /// <summary>The current activity's ids, or none outside an activity. The activity keeps its hex strings, so reading them allocates nothing after the first time.</summary>
    public static ActivityIds Current()
    {
        var activity = Activity.Current;
        return activity is { IdFormat: ActivityIdFormat.W3C } ? new ActivityIds(activity.TraceId.ToHexString(), activity.SpanId.ToHexString()) : default;
    }
}
