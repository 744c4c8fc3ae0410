using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>The <see cref="OrderCharge"/> line as <c>[LoggerMessage]</c>-generated call sites, the way the library's users are told to log.</summary>
internal static partial class OrderLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = OrderCharge.Template)]
    public static partial void OrderCharged(ILogger logger, string orderId, decimal amount, string currency);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = OrderCharge.Template)]
    public static partial void OrderChargedWithException(ILogger logger, Exception exception, string orderId, decimal amount, string currency);
}
