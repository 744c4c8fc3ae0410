using Microsoft.Extensions.Logging;
using ZLogger;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>The <see cref="OrderCharge"/> line through ZLogger's own call sites: its <c>[ZLoggerMessage]</c> generator and its interpolated-string API.</summary>
internal static partial class ZLoggerOrderLog
{
    [ZLoggerMessage(1, LogLevel.Information, OrderCharge.Template)]
    public static partial void OrderCharged(ILogger logger, string orderId, decimal amount, string currency);

    /// <summary>The same line through <c>ZLogInformation</c> and an interpolated string, ZLogger's everyday API.</summary>
    public static void OrderChargedInterpolated(ILogger logger, string orderId, decimal amount, string currency) =>
        logger.ZLogInformation(new EventId(1), $"Order {orderId} charged {amount} {currency}");
}
