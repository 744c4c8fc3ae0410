using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Buffering;

/// <summary>The <see cref="Workload.OrderCharge"/> line at Debug, as a <c>[LoggerMessage]</c>-generated call site: the line buffering holds and sampling drops.</summary>
internal static partial class DebugOrderLog
{
    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = Workload.OrderCharge.Template)]
    public static partial void OrderChargedDebug(ILogger logger, string orderId, decimal amount, string currency);
}
