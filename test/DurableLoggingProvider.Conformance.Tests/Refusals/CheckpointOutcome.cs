namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>What a durable service did with one checkpoint call: took it, or refused it with a message.</summary>
internal sealed record CheckpointOutcome(bool Accepted, string? Message)
{
    public static CheckpointOutcome Taken { get; } = new(true, null);

    public static CheckpointOutcome Refused(string message) => new(false, message);

    public override string ToString() => Accepted ? "accepted" : $"refused ({Message})";
}
