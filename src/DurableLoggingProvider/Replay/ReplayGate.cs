namespace DurableLoggingProvider;

/// <summary>
/// Decides whether a line is written, from the durable context it is written in: nothing is gated
/// outside durable code or in a live context; in a replaying context the mode decides. The mode is
/// the execution's own, when its runtime set one, else the configuration's.
/// </summary>
internal static class ReplayGate
{
    /// <summary>The one decision for a line written now in <paramref name="context"/>: write it, keep it out, or mark it.</summary>
    public static ReplayDecision Decide(DurableContextState? context, ReplayMode configured)
    {
        if (context is not { IsReplaying: true })
        {
            return ReplayDecision.Write;
        }

        return (context.ReplayMode ?? configured) switch
        {
            ReplayMode.Suppress => ReplayDecision.Suppress,
            ReplayMode.Mark => ReplayDecision.Mark,
            _ => ReplayDecision.Write,
        };
    }
}
