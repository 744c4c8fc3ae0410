namespace DurableLoggingProvider;

/// <summary>What the replay gate does with lines written while a durable context replays.</summary>
public enum ReplayMode
{
    /// <summary>Write nothing while the current context replays: each line appears once across invocations.</summary>
    Suppress,

    /// <summary>Gate off: write replayed lines again on every invocation.</summary>
    Emit,

    /// <summary>Write replayed lines too, each marked <c>"replay": true</c>, to debug replays.</summary>
    Mark,
}
