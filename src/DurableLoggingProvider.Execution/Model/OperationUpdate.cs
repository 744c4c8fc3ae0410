using System.Text.Json.Serialization;

namespace DurableLoggingProvider.Execution;

/// <summary>One change a checkpoint asks the service to make to an operation.</summary>
public sealed class OperationUpdate
{
    /// <summary>The operation's id.</summary>
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>The operation's type.</summary>
    [JsonRequired]
    public OperationType Type { get; set; }

    /// <summary>What to do.</summary>
    [JsonRequired]
    public OperationAction Action { get; set; }

    /// <summary>The id of the enclosing <c>CONTEXT</c> operation.</summary>
    public string? ParentId { get; set; }

    /// <summary>The user's name for the operation.</summary>
    public string? Name { get; set; }

    /// <summary>What kind of call made the operation.</summary>
    public string? SubType { get; set; }

    /// <summary>The result, as serialized JSON text (<c>SUCCEED</c>; for a step's <c>RETRY</c>, the state to carry).</summary>
    public string? Payload { get; set; }

    /// <summary>The error (<c>FAIL</c>, <c>RETRY</c>).</summary>
    public ErrorObject? Error { get; set; }

    /// <summary>Options of a <c>CONTEXT</c> update.</summary>
    public ContextOptions? ContextOptions { get; set; }

    /// <summary>Options of a <c>STEP</c> update.</summary>
    public StepOptions? StepOptions { get; set; }

    /// <summary>Options of a <c>WAIT</c> update.</summary>
    public WaitOptions? WaitOptions { get; set; }

    /// <summary>Options of a <c>CALLBACK</c> update.</summary>
    public CallbackOptions? CallbackOptions { get; set; }

    /// <summary>Options of a <c>CHAINED_INVOKE</c> update.</summary>
    public ChainedInvokeOptions? ChainedInvokeOptions { get; set; }
}
