namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>What a benchmark writes through, a logger or a hand-written floor, as its cleanup checks it.</summary>
internal interface IWriterUnderTest
{
    /// <summary>Its name, for a failed check.</summary>
    string Name { get; }

    /// <summary>How many lines it wrote to its discarding stream.</summary>
    long Writes { get; }

    /// <summary>Requires the iterations to have written, each line of the checked line's length.</summary>
    void RequireIterationsWrote();
}
