namespace DurableLoggingProvider.Execution;

/// <summary>How one item of a map or branch of a parallel ended.</summary>
public enum BatchItemStatus
{
    /// <summary>It returned a result.</summary>
    Succeeded,

    /// <summary>It threw.</summary>
    Failed,
}
