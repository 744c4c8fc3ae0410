using System.Collections.Generic;

namespace DurableLoggingProvider.Sample.Orders;

/// <summary>An order as the workflow receives it.</summary>
internal sealed record Order(string Id, string Customer, string Currency, IReadOnlyList<OrderItem> Items);
