using System.Threading.Tasks;
using DurableLoggingProvider.Sample.Orders;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample.Services;

/// <summary>Holds stock for order lines.</summary>
internal sealed class InventoryService(ILogger<InventoryService> logger)
{
    public async Task<Reservation> ReserveAsync(string orderId, OrderItem line)
    {
        await Task.Yield();
        var warehouse = line.Sku.StartsWith("BOOK", System.StringComparison.Ordinal) ? "DUB-1" : "FRA-2";
        logger.LogInformation("Reserved {Quantity} x {Sku} in {Warehouse} for order {OrderId}", line.Quantity, line.Sku, warehouse, orderId);
        return new Reservation(line.Sku, line.Quantity, warehouse);
    }
}
