using System;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>The line every benchmark writes: one message template with three values, the same for every logger.</summary>
internal static class OrderCharge
{
    public const string Template = "Order {OrderId} charged {Amount} {Currency}";

    public const string OrderId = "ord-1001";

    public const decimal Amount = 72.50m;

    public const string Currency = "USD";

    /// <summary>
    /// Whether <paramref name="text"/> is the message rendered with its values, whatever culture renders the
    /// amount and however a logger sets off strings (Serilog quotes them).
    /// </summary>
    public static bool IsRenderedIn(string text) =>
        text.StartsWith("Order ", StringComparison.Ordinal)
        && text.Contains(OrderId, StringComparison.Ordinal)
        && text.Contains(" charged ", StringComparison.Ordinal)
        && text.Contains(Currency, StringComparison.Ordinal);
}
