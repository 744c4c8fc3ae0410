namespace DurableLoggingProvider.Execution;

/// <summary>An operation a durable call has claimed: its id, its name, and its checkpoint if it has one.</summary>
internal readonly record struct ClaimedOperation(string Id, string? Name, Operation? Existing);
