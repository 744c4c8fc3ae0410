namespace DurableLoggingProvider.Sample.Orders;

/// <summary>A charge the payment gateway accepted.</summary>
internal sealed record Payment(string TransactionId, decimal Amount, string Currency);
