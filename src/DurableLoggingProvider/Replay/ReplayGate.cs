namespace DurableLoggingProvider;

/// <summary>
/// Decides whether a line is written, from the durable context it is written in: nothing is gated
/// outside durable code or in a live context; in a replaying context the mode decides. The mode is
/// the execution's own, when its runtime set one, else the configuration's.
/// </summary>
internal static class ReplayGate
{
    /// <summary>Whether lines written now are kept out (<see cref="ReplayMode.Suppress"/> while replaying).</summary>
    public static bool Suppresses(DurableContextState? context, ReplayMode configured) =>
        context is { IsReplaying: true } && (context.ReplayMode ?? configured) == ReplayMode.Suppress;

    /// <summary>Whether a line written now is marked as a replay (<see cref="ReplayMode.Mark"/> while replaying).</summary>
    public static bool Marks(DurableContextState? context, ReplayMode configured) =>
        context is { IsReplaying: true } && (context.ReplayMode ?? configured) == ReplayMode.Mark;
}
