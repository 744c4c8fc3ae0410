namespace DurableLoggingProvider.Sample.Orders;

/// <summary>What the workflow returns.</summary>
internal sealed record OrderReceipt(string OrderId, string TransactionId, decimal Amount, string Currency, string ApprovedBy);
