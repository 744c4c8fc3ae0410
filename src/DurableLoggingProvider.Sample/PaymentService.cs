using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample;

/// <summary>A service resolved from DI: its lines carry the operation it runs in without being told.</summary>
internal sealed class PaymentService(ILogger<PaymentService> logger)
{
    public void Charge(string orderId, decimal amount)
    {
        using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object?> { ["paymentProvider"] = "example-pay" }))
        {
            logger.LogInformation("Charged {Amount} USD for order {OrderId}", amount, orderId);
        }
    }
}
