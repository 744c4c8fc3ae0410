namespace DurableLoggingProvider.Testing;

/// <summary>A callback waiting for an answer when an invocation ended.</summary>
/// <param name="CallbackId">The callback's id.</param>
/// <param name="Name">The callback operation's name, if any.</param>
/// <param name="OperationId">The callback operation's id.</param>
/// <param name="InvocationNumber">The invocation that just ended, 1-based.</param>
public sealed record PendingCallback(string CallbackId, string? Name, string OperationId, int InvocationNumber);
