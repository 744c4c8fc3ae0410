namespace DurableLoggingProvider.Lambda.Tests.Deploying;

/// <summary>The execution's input in docs/deploying.md.</summary>
public sealed record Order(string OrderId, int Quantity);
