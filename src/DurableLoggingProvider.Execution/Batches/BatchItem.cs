namespace DurableLoggingProvider.Execution;

/// <summary>The outcome of one item of a map or branch of a parallel.</summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class BatchItem<T>
{
    internal BatchItem(int index, BatchItemStatus status, T? result, ErrorObject? error)
    {
        Index = index;
        Status = status;
        Result = result;
        Error = error;
    }

    /// <summary>The item's index.</summary>
    public int Index { get; }

    /// <summary>How it ended.</summary>
    public BatchItemStatus Status { get; }

    /// <summary>Its result, when it succeeded.</summary>
    public T? Result { get; }

    /// <summary>Its error, when it failed.</summary>
    public ErrorObject? Error { get; }
}
