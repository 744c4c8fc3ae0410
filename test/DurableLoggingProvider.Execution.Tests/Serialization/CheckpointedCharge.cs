namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>A value a step checkpoints, for the serializer's tests.</summary>
public sealed record CheckpointedCharge(string OrderId, decimal Amount);
