namespace DurableLoggingProvider.Execution;

/// <summary>A parallel's settings.</summary>
public sealed class ParallelConfig
{
    /// <summary>How many branches run at once; <see langword="null"/> for all of them.</summary>
    public int? MaxConcurrency { get; init; }
}
