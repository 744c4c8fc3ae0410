namespace DurableLoggingProvider.Sample.Orders;

/// <summary>Stock held for one line of an order.</summary>
internal sealed record Reservation(string Sku, int Quantity, string Warehouse);
