using System.Collections.Generic;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>One <c>CheckpointDurableExecution</c> call the engine made, and AWS's answer to it.</summary>
/// <param name="Invocation">The engine invocation that made it (1-based, counting lost invocations).</param>
/// <param name="Updates">The updates sent, in order.</param>
/// <param name="Refusal">AWS's error type and message when it refused the call; <see langword="null"/> when accepted.</param>
internal sealed record CheckpointCall(int Invocation, IReadOnlyList<OperationUpdate> Updates, string? Refusal);
