namespace DurableLoggingProvider.Sample.Orders;

/// <summary>A manager's answer to the approval request, sent back through the callback.</summary>
internal sealed record ApprovalDecision(bool Approved, string Approver);
