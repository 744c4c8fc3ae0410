using System.Collections.Generic;
using System.Threading.Tasks;
using DurableLoggingProvider.Sample.Orders;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample.Services;

/// <summary>Tells the customer and the warehouse.</summary>
internal sealed class NotificationService(ILogger<NotificationService> logger)
{
    public Task<bool> EmailCustomerAsync(Order order, Payment payment)
    {
        logger.LogInformation("Emailed {Customer} the receipt for {TransactionId}", order.Customer, payment.TransactionId);
        return Task.FromResult(true);
    }

    public Task<bool> NotifyWarehouseAsync(Order order, IReadOnlyList<Reservation> reservations)
    {
        foreach (var reservation in reservations)
        {
            logger.LogInformation("Told {Warehouse} to ship {Quantity} x {Sku}", reservation.Warehouse, reservation.Quantity, reservation.Sku);
        }

        return Task.FromResult(true);
    }
}
