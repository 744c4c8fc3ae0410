using System;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

/// <summary>
/// A fixture of workflows run once for each <see cref="ServiceClientKind"/>: the engine's calls go through the
/// test project's direct client, then through the shipped <c>LambdaDurableServiceClient</c>, to the same AWS
/// checkpoint server, and every workflow asserts the same outcome for both.
/// </summary>
public abstract class ConformanceFixture
{
    protected ConformanceFixture(ServiceClientKind client) => Client = client;

    /// <summary>The client this fixture's runs give the engine.</summary>
    protected ServiceClientKind Client { get; }

    /// <summary>Runs the workflow with this fixture's client (whatever <paramref name="options"/> say of it).</summary>
    private protected Task<ConformanceResult> RunAsync<TInput, TOutput>(
        TInput input, Func<TInput?, IDurableContext, ILogger, Task<TOutput>> workflow, ConformanceRunOptions? options, CancellationToken cancellationToken) =>
        ConformanceRunner.RunAsync(input, workflow, (options ?? new ConformanceRunOptions()) with { Client = Client }, cancellationToken);
}
