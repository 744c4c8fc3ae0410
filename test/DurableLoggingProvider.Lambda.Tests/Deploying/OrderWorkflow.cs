using System;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Lambda.Tests.Deploying;

/// <summary>The workflow of docs/deploying.md, verbatim.</summary>
public static class OrderWorkflow
{
    public static async Task<Receipt> RunAsync(Order? order, IDurableContext context)
    {
        ArgumentNullException.ThrowIfNull(order);
        var reservation = await context.StepAsync(_ => Task.FromResult($"reservation for {order.OrderId}"), "reserve");
        await context.WaitAsync(TimeSpan.FromMinutes(5), "cool-off");
        var charge = await context.StepAsync(_ => Task.FromResult($"charged {order.Quantity}"), "charge");
        return new Receipt(reservation, charge);
    }
}
