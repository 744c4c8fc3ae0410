using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Sample.Services;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample.Orders;

/// <summary>
/// The order workflow: ordinary code with injected services and loggers. It runs again from the top on
/// every invocation; the durable context replays what is done, and the logging provider keeps the
/// replayed lines out.
/// </summary>
internal sealed partial class OrderWorkflow
{
    /// <summary>The payment gateway times out now and then: retry after 2 s, then 4 s.</summary>
    private static readonly StepConfig s_paymentRetries = new()
    {
        RetryStrategy = RetryStrategy.Exponential(maxAttempts: 3, initialDelay: TimeSpan.FromSeconds(2), jitter: JitterStrategy.None),
    };

    private readonly ILogger<OrderWorkflow> _logger;
    private readonly OrderValidator _validator;
    private readonly InventoryService _inventory;
    private readonly PaymentGateway _payments;
    private readonly ApprovalDesk _approvals;
    private readonly NotificationService _notifications;

    public OrderWorkflow(
        ILogger<OrderWorkflow> logger,
        OrderValidator validator,
        InventoryService inventory,
        PaymentGateway payments,
        ApprovalDesk approvals,
        NotificationService notifications)
    {
        _logger = logger;
        _validator = validator;
        _inventory = inventory;
        _payments = payments;
        _approvals = approvals;
        _notifications = notifications;
    }

    public async Task<OrderReceipt> RunAsync(Order order, IDurableContext context)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object?> { ["orderId"] = order.Id });
        OrderReceived(order.Id, order.Customer, order.Items.Count);

        await context.StepAsync(_ => _validator.ValidateAsync(order), "validate-order");

        var reservations = await context.MapAsync(
            order.Items,
            (item, line, _) => item.StepAsync(_ => _inventory.ReserveAsync(order.Id, line), $"reserve-{line.Sku}"),
            "reserve-inventory",
            new MapConfig { MaxConcurrency = 2 });
        InventoryReserved(reservations.Items.Count);

        var payment = await context.StepAsync(step => _payments.ChargeAsync(order, step.AttemptNumber), "charge-payment", s_paymentRetries);

        WaitingForReview(10);
        await context.WaitAsync(TimeSpan.FromMinutes(10), "fraud-review-window");

        var decision = await context.WaitForCallbackAsync<ApprovalDecision>(
            (callbackId, _) => _approvals.RequestApprovalAsync(order, callbackId), "manager-approval");
        if (!decision.Approved)
        {
            throw new InvalidOperationException($"Order {order.Id} was rejected by {decision.Approver}.");
        }

        OrderApproved(order.Id, decision.Approver);

        await context.RunInChildContextAsync(
            async notify =>
            {
                await notify.StepAsync(_ => _notifications.EmailCustomerAsync(order, payment), "email-customer");
                await notify.StepAsync(_ => _notifications.NotifyWarehouseAsync(order, reservations.GetResults().Select(r => r!).ToList()), "notify-warehouse");
            },
            "send-notifications");

        OrderCompleted(order.Id, payment.Amount, payment.Currency);
        return new OrderReceipt(order.Id, payment.TransactionId, payment.Amount, payment.Currency, decision.Approver);
    }

    [LoggerMessage(100, LogLevel.Information, "Order {OrderId} received from {Customer} with {ItemCount} items")]
    private partial void OrderReceived(string orderId, string customer, int itemCount);

    [LoggerMessage(101, LogLevel.Information, "Inventory reserved for {LineCount} lines")]
    private partial void InventoryReserved(int lineCount);

    [LoggerMessage(102, LogLevel.Information, "Waiting {Minutes} minutes for the fraud-review window")]
    private partial void WaitingForReview(int minutes);

    [LoggerMessage(103, LogLevel.Information, "Order {OrderId} approved by {Approver}")]
    private partial void OrderApproved(string orderId, string approver);

    [LoggerMessage(104, LogLevel.Information, "Order {OrderId} completed: charged {Amount} {Currency}")]
    private partial void OrderCompleted(string orderId, decimal amount, string currency);
}
