namespace DurableLoggingProvider.Testing;

/// <summary>A callback waiting for an answer when an invocation ended.</summary>
/// <param name="CallbackId">The callback's id.</param>
/// <param name="Name">
/// The name the workflow gave the callback: the callback operation's own, or, when it has none, as a
/// <c>WaitForCallbackAsync</c>'s callback may not, the wait-for-callback's; <see langword="null"/> when neither has one.
/// </param>
/// <param name="OperationId">The callback operation's id.</param>
/// <param name="InvocationNumber">The invocation that just ended, 1-based.</param>
public sealed record PendingCallback(string CallbackId, string? Name, string OperationId, int InvocationNumber);
