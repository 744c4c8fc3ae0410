using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using DurableLoggingProvider.Sample.Orders;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample.Services;

/// <summary>Charges the customer. Its first attempt times out, as gateways do, so the step retries.</summary>
internal sealed class PaymentGateway(ILogger<PaymentGateway> logger)
{
    public async Task<Payment> ChargeAsync(Order order, int attempt)
    {
        await Task.Yield();
        var amount = order.Items.Sum(item => item.UnitPrice * item.Quantity);
        logger.LogInformation("Charging {Amount} {Currency} to {Customer}", amount, order.Currency, order.Customer);
        if (attempt == 1)
        {
            logger.LogWarning("Payment gateway did not answer within {TimeoutSeconds} s", 10);
            throw new TimeoutException("The payment gateway did not answer in time.");
        }

        var transaction = string.Create(CultureInfo.InvariantCulture, $"txn-{order.Id}-{attempt}");
        logger.LogInformation("Payment {TransactionId} accepted", transaction);
        return new Payment(transaction, amount, order.Currency);
    }
}
