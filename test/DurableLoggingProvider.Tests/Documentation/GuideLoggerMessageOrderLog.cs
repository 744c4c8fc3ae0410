using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Tests.Documentation;

/// <summary>The <c>[LoggerMessage]</c> call site that docs/performance.md says the opt-in matches, line for line.</summary>
internal static partial class GuideLoggerMessageOrderLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Order {OrderId} charged {Amount} {Currency}")]
    public static partial void OrderCharged(ILogger logger, string orderId, decimal amount, string currency);
}
