using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The shapes an invocation output may take (spec section 3): <c>SUCCEEDED</c> with an optional
/// <c>Result</c> and no <c>Error</c>, <c>FAILED</c> with an <c>Error</c> and no <c>Result</c>,
/// <c>PENDING</c> with neither. Whether <c>PENDING</c> is allowed at all depends on the execution's
/// state, which only the engine knows. And an output must fit Lambda's response: at most 6 MB as written.
/// </summary>
internal static class InvocationOutputRules
{
    /// <summary>The most bytes Lambda returns as a function's response: 6 MB.</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024;

    // {"Status":"SUCCEEDED","Result":""} and room to spare.
    private const int SucceededEnvelopeBytes = 64;

    // Written inside a JSON string, a character takes at most six bytes (\u0000).
    private const int MaxBytesPerCharacter = 6;

    /// <summary>
    /// Whether a <c>SUCCEEDED</c> output carrying <paramref name="result"/> fits <see cref="MaxResponseBytes"/>
    /// once written, escaping and UTF-8 included: a result's length in characters says too little, since each
    /// of its quotes is written as two bytes and a character outside ASCII as two to four.
    /// </summary>
    public static bool FitsResponse(string result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (((long)result.Length * MaxBytesPerCharacter) + SucceededEnvelopeBytes <= MaxResponseBytes)
        {
            return true;
        }

        if (result.Length > MaxResponseBytes)
        {
            return false;
        }

        var output = new DurableExecutionInvocationOutput { Status = InvocationStatus.Succeeded, Result = result };
        return ByteCountingStream.Measure(output, DurableWireJsonContext.Wire.DurableExecutionInvocationOutput) <= MaxResponseBytes;
    }

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
