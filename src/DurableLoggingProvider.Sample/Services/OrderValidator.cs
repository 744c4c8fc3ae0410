using System;
using System.Threading.Tasks;
using DurableLoggingProvider.Sample.Orders;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample.Services;

/// <summary>Checks an order before anything is reserved or charged.</summary>
internal sealed class OrderValidator(ILogger<OrderValidator> logger)
{
    public Task<bool> ValidateAsync(Order order)
    {
        if (order.Items.Count == 0)
        {
            throw new ArgumentException($"Order {order.Id} has no items.", nameof(order));
        }

        logger.LogDebug("Checking {ItemCount} lines of order {OrderId}", order.Items.Count, order.Id);
        logger.LogInformation("Order {OrderId} is valid", order.Id);
        return Task.FromResult(true);
    }
}
