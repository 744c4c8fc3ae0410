namespace DurableLoggingProvider.Sample.Orders;

/// <summary>One line of an order.</summary>
internal sealed record OrderItem(string Sku, int Quantity, decimal UnitPrice);
