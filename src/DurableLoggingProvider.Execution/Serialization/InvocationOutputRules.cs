using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The shapes an invocation output may take (spec section 3): <c>SUCCEEDED</c> with an optional
/// <c>Result</c> and no <c>Error</c>, <c>FAILED</c> with an <c>Error</c> and no <c>Result</c>,
/// <c>PENDING</c> with neither. Whether <c>PENDING</c> is allowed at all depends on the execution's
/// state, which only the engine knows.
/// </summary>
internal static class InvocationOutputRules
{
    /// <summary>Throws an <see cref="InvalidOperationException"/> when <paramref name="output"/> breaks a rule.</summary>
    public static void Check(DurableExecutionInvocationOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (output.Status)
        {
            case InvocationStatus.Succeeded when output.Error is not null:
                throw new InvalidOperationException("A SUCCEEDED invocation output carries no Error.");
            case InvocationStatus.Failed when output.Result is not null:
                throw new InvalidOperationException("A FAILED invocation output carries no Result.");
            case InvocationStatus.Failed when output.Error is null:
                throw new InvalidOperationException("A FAILED invocation output must carry its Error.");
            case InvocationStatus.Pending when output.Result is not null || output.Error is not null:
                throw new InvalidOperationException("A PENDING invocation output carries neither a Result nor an Error.");
            case InvocationStatus.Succeeded or InvocationStatus.Failed or InvocationStatus.Pending:
                return;
            default:
                throw new InvalidOperationException($"{output.Status} is not an invocation status; expected SUCCEEDED, FAILED or PENDING.");
        }
    }
}
