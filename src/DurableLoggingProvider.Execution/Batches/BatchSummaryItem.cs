namespace DurableLoggingProvider.Execution;

/// <summary>One item of a <see cref="BatchSummary"/>.</summary>
internal sealed class BatchSummaryItem
{
    public bool Succeeded { get; set; }

    public string? Result { get; set; }

    public ErrorObject? Error { get; set; }
}
