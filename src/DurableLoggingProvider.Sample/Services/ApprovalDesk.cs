using System.Threading.Tasks;
using DurableLoggingProvider.Sample.Orders;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Sample.Services;

/// <summary>Asks a manager to approve a large order; the manager answers through the callback id.</summary>
internal sealed class ApprovalDesk(ILogger<ApprovalDesk> logger)
{
    public Task RequestApprovalAsync(Order order, string callbackId)
    {
        logger.LogInformation("Approval of order {OrderId} requested; answer with callback {CallbackId}", order.Id, callbackId);
        return Task.CompletedTask;
    }
}
