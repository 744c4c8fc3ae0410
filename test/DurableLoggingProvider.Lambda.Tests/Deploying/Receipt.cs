namespace DurableLoggingProvider.Lambda.Tests.Deploying;

/// <summary>The execution's result in docs/deploying.md.</summary>
public sealed record Receipt(string Reservation, string Charge);
