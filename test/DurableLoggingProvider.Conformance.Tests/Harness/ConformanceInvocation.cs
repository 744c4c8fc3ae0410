using System.Collections.Generic;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Conformance.Tests.Harness;

/// <summary>One run of the engine: a Lambda invocation.</summary>
/// <param name="Number">Its number in the execution, from 1.</param>
/// <param name="RequestId">Its request id, which every line it wrote carries.</param>
/// <param name="Status">The output's status, or <c>LOST</c> (given up) or <c>THREW</c> (the engine threw: the runner fails the execution).</param>
/// <param name="Failure">What the engine threw, if it did.</param>
/// <param name="UpdatedOperationIds">The event's <c>UpdatedOperationIds</c>, as AWS's runner computed them.</param>
/// <param name="Event">The event as the proxy handed it over (JSON text); for a Lambda retry after a lost invocation, the lost one's.</param>
/// <param name="Input">The event as the engine read it; <see langword="null"/> when it could not be read.</param>
internal sealed record ConformanceInvocation(
    int Number, string RequestId, string Status, string? Failure, IReadOnlyList<string> UpdatedOperationIds, string Event, DurableExecutionInvocationInput? Input);
