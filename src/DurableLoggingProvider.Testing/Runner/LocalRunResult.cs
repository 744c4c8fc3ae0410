using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>How an execution run by the local runner ended, and everything it did on the way.</summary>
/// <typeparam name="T">The execution's result type.</typeparam>
public sealed class LocalRunResult<T>
{
    internal LocalRunResult(InvocationStatus status, T? result, ErrorObject? error, IReadOnlyList<InvocationRecord> invocations, IReadOnlyList<Operation> operations, string? stuckReason)
    {
        Status = status;
        Result = result;
        Error = error;
        Invocations = invocations;
        Operations = operations;
        StuckReason = stuckReason;
    }

    /// <summary>How the execution ended: <c>PENDING</c> only when nothing could resume it (see <see cref="StuckReason"/>).</summary>
    public InvocationStatus Status { get; }

    /// <summary>The execution's result.</summary>
    public T? Result { get; }

    /// <summary>The execution's error.</summary>
    public ErrorObject? Error { get; }

    /// <summary>Why the execution was left pending: what it waits for that nothing will bring.</summary>
    public string? StuckReason { get; }

    /// <summary>Every invocation, in order.</summary>
    public IReadOnlyList<InvocationRecord> Invocations { get; }

    /// <summary>The execution's operations as the service holds them at the end.</summary>
    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>Every line of every invocation, parsed, in order.</summary>
    public IReadOnlyList<JsonElement> Records => Invocations.SelectMany(invocation => invocation.Records).ToList();

    /// <summary>The records whose <c>message</c> is exactly <paramref name="message"/>.</summary>
    public IReadOnlyList<JsonElement> RecordsWithMessage(string message) =>
        Records.Where(record => record.TryGetProperty("message", out var text) && text.GetString() == message).ToList();

    /// <summary>The number (from 1) of the invocation that had <paramref name="requestId"/>, or <see langword="null"/>.</summary>
    public int? InvocationNumberOf(string? requestId) => Invocations.FirstOrDefault(invocation => invocation.RequestId == requestId)?.Number;

    /// <summary>The operations named <paramref name="name"/>.</summary>
    public IReadOnlyList<Operation> OperationsNamed(string name) => Operations.Where(operation => operation.Name == name).ToList();
}
