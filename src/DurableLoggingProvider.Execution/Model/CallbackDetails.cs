namespace DurableLoggingProvider.Execution;

/// <summary>Details of a <c>CALLBACK</c> operation.</summary>
public sealed class CallbackDetails
{
    /// <summary>The id the service made for the callback, which an external system answers.</summary>
    public string? CallbackId { get; set; }

    /// <summary>The callback's result, as serialized JSON text.</summary>
    public string? Result { get; set; }

    /// <summary>The callback's error, when it failed.</summary>
    public ErrorObject? Error { get; set; }
}
