namespace DurableLoggingProvider;

/// <summary>What the replay gate decides for a line written now: the one answer the hot path asks for.</summary>
internal enum ReplayDecision
{
    /// <summary>Write the line as it is: outside durable code, in a live context, or in <see cref="ReplayMode.Emit"/> mode.</summary>
    Write,

    /// <summary>Keep the line out: the context replays in <see cref="ReplayMode.Suppress"/> mode.</summary>
    Suppress,

    /// <summary>Write the line marked <c>"replay": true</c>: the context replays in <see cref="ReplayMode.Mark"/> mode.</summary>
    Mark,
}
