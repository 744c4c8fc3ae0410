using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample;

/// <summary>The workflow: ordinary code with an injected <see cref="ILogger{T}"/>, re-run from the top on every invocation.</summary>
internal sealed class OrderWorkflow(ILogger<OrderWorkflow> logger, PaymentService payments)
{
    /// <summary>Runs the workflow; returns false when it suspends until the next invocation.</summary>
    public bool Run(HandDrivenExecution execution, string orderId)
    {
        logger.LogInformation("Order {OrderId} received with {ItemCount} items", orderId, 3);
        execution.Step("validate-order", () => logger.LogInformation("Order {OrderId} is valid", orderId));
        logger.LogInformation("Waiting {Seconds} s for the payment window", 5);
        if (!execution.Wait("payment-window"))
        {
            return false;
        }

        execution.Step("charge-card", () => payments.Charge(orderId, 42.50m));
        logger.LogInformation("Order {OrderId} completed", orderId);
        return true;
    }
}
