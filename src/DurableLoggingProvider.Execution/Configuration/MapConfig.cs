namespace DurableLoggingProvider.Execution;

/// <summary>A map's settings.</summary>
public sealed class MapConfig
{
    /// <summary>How many items run at once; <see langword="null"/> for all of them.</summary>
    public int? MaxConcurrency { get; init; }
}
