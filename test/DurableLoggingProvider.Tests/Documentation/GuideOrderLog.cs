using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Tests.Documentation;

/// <summary>The example of docs/performance.md ("An opt-in for value types"), as it is written there.</summary>
internal static class GuideOrderLog
{
    private static readonly Action<ILogger, string, decimal, string, Exception?> s_orderCharged =
        DurableLogMessage.Define<string, decimal, string>(
            LogLevel.Information, new EventId(1, "OrderCharged"), "Order {OrderId} charged {Amount} {Currency}");

    public static void OrderCharged(ILogger logger, string orderId, decimal amount, string currency) =>
        s_orderCharged(logger, orderId, amount, currency, null);
}
