using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Workload;

/// <summary>The <see cref="OrderCharge"/> line as <c>[LoggerMessage]</c>-generated call sites, the way the library's users are told to log.</summary>
internal static partial class OrderLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = OrderCharge.Template)]
    public static partial void OrderCharged(ILogger logger, string orderId, decimal amount, string currency);

    /// <summary>The same line through <see cref="DurableLogMessage.Define{T0, T1, T2}"/>, the provider's opt-in that keeps the amount unboxed.</summary>
    public static readonly Action<ILogger, string, decimal, string, Exception?> OrderChargedTyped =
        DurableLogMessage.Define<string, decimal, string>(LogLevel.Information, new EventId(1, nameof(OrderCharged)), OrderCharge.Template);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = OrderCharge.Template)]
    public static partial void OrderChargedWithException(ILogger logger, Exception exception, string orderId, decimal amount, string currency);
}
