namespace DurableLoggingProvider.Execution;

/// <summary>
/// Turns the values a workflow checkpoints (its input, step results, callback results, invoke payloads)
/// into the JSON text the service stores, and back.
/// </summary>
public interface IDurableSerializer
{
    /// <summary>Serializes a value to JSON text; <see langword="null"/> for a null value.</summary>
    string? Serialize<T>(T value);

    /// <summary>Reads a value from JSON text; <see langword="default"/> for null or empty text.</summary>
    T? Deserialize<T>(string? json);
}
