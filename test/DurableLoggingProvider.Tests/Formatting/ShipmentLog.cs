using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Tests.Formatting;

/// <summary>
/// A <c>[LoggerMessage]</c> call site with three values. In this project the generator is the one of
/// <c>Microsoft.Extensions.Telemetry.Abstractions</c> (brought by <c>Microsoft.Extensions.Diagnostics.Testing</c>),
/// whose state holds the values last placeholder first.
/// </summary>
internal static partial class ShipmentLog
{
    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Shipment {ShipmentId} left {Warehouse} with {Parcels} parcels")]
    public static partial void ShipmentLeft(ILogger logger, string shipmentId, string warehouse, int parcels);
}
