using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Proxy;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Conformance.Tests.Harness;

/// <summary>How one workflow is run under AWS's runner.</summary>
internal sealed record ConformanceRunOptions
{
    /// <summary>Which client the engine is given; the workflow fixtures run with each.</summary>
    public ServiceClientKind Client { get; init; } = ServiceClientKind.Direct;

    /// <summary>Whether the proxy refuses requests not signed with SigV4 for the service <c>lambda</c>; <see langword="null"/>: only for the Lambda client.</summary>
    public bool? RequireSignature { get; init; }

    /// <summary>Whether waits and retry delays are skipped (default) or take their real time.</summary>
    public TimeMode Time { get; init; } = TimeMode.Skipped;

    /// <summary>The callbacks to answer, and how.</summary>
    public IReadOnlyList<CallbackAnswer> Answers { get; init; } = [];

    /// <summary>Operations in the event's first page; the rest are read through get-state pages. <see langword="null"/>: the runner's own unpaged event.</summary>
    public int? PageSize { get; init; }

    /// <summary>Operations per get-state page the engine asks for. Default the engine's.</summary>
    public int? StatePageSize { get; init; }

    /// <summary>
    /// Whether the proxy rewrites the event's timestamps as epoch milliseconds (the real service's form)
    /// instead of handing them over as the runner writes them (ISO 8601, the default).
    /// </summary>
    public bool EpochMillisecondTimestamps { get; init; }

    /// <summary>The execution's replay mode; <see langword="null"/> for the provider's default (Suppress).</summary>
    public ReplayMode? ReplayMode { get; init; }

    /// <summary>When to give an invocation up; the next one then gets the state AWS holds (a Lambda retry).</summary>
    public InvocationLoss? Loss { get; init; }

    /// <summary>Runs after the engine returned, with the invocation's client, before the output goes back to the runner.</summary>
    public Func<RecordingServiceClient, DurableExecutionInvocationInput, Task>? AfterEngine { get; init; }
}
