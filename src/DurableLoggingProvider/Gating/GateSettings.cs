namespace DurableLoggingProvider;

/// <summary>What the gate over other providers needs of the options, swapped whole on reload.</summary>
internal sealed record GateSettings(ReplayMode Mode, FieldNaming Naming, bool ActivityIds)
{
    public static GateSettings From(DurableLoggerOptions options) => new(options.ReplayMode, options.FieldNaming, options.IncludeActivityIds);
}
