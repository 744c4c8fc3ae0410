using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// The invocation's cancellation (the token given to <see cref="DurableExecution.RunAsync{TInput, TOutput}"/>,
/// and the invocation's <see cref="LambdaInvocation.Deadline"/>) reaches every call to the service: a call
/// cancelled either way ends the invocation with <see cref="OperationCanceledException"/>, so that Lambda
/// retries it, and nothing is charged to the workflow's code.
/// </summary>
[TestFixture]
public class InvocationCancellationTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task CancellingTheInvocationCancelsTheCheckpointInFlightAndEndsItWithoutChargingTheStep(CancellationToken cancellationToken)
    {
        var service = NewService();
        var client = new HeldServiceCalls(service, holdCheckpoint: true, holdStateRead: false);
        using var invocation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bodyRuns = 0;

        var run = RunAsync(service, client, new LambdaInvocation("request-1"), () => Interlocked.Increment(ref bodyRuns), invocation.Token);
        await client.Entered.WaitAsync(cancellationToken);
        await invocation.CancelAsync();

        Assert.That(async () => await run.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken), Throws.InstanceOf<OperationCanceledException>());
        Assert.Multiple(() =>
        {
            Assert.That(client.HeldCallCancelled, Is.True, "the checkpoint call was given the invocation's token");
            Assert.That(bodyRuns, Is.EqualTo(1));
            Assert.That(service.Operations.Select(operation => operation.Type), Is.EqualTo(new[] { OperationType.Execution }), "no RETRY or FAIL reached the service");
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task TheInvocationsDeadlineCancelsACheckpointStillInFlightWhenItPasses(CancellationToken cancellationToken)
    {
        var service = NewService();
        var client = new HeldServiceCalls(service, holdCheckpoint: true, holdStateRead: false);
        var invocation = new LambdaInvocation("request-1") { Deadline = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200) };

        var run = RunAsync(service, client, invocation, () => 0, CancellationToken.None);

        Assert.That(async () => await run.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(client.HeldCallCancelled, Is.True, "the call was cancelled by the deadline, not left to run past it");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CancellingTheInvocationCancelsTheReadOfACheckpointAnswersFurtherPages(CancellationToken cancellationToken)
    {
        var service = NewService();
        var client = new HeldServiceCalls(new PagedCheckpointResponses(service), holdCheckpoint: false, holdStateRead: true);
        using var invocation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var run = RunAsync(service, client, new LambdaInvocation("request-1"), () => 0, invocation.Token);
        await client.Entered.WaitAsync(cancellationToken);
        await invocation.CancelAsync();

        Assert.That(async () => await run.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(client.HeldCallCancelled, Is.True, "the page read was given the invocation's token");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ADeadlineThatDoesNotPassEndsNothing(CancellationToken cancellationToken)
    {
        var service = NewService();
        var invocation = new LambdaInvocation("request-1") { Deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(15) };

        var output = await RunAsync(service, service, invocation, () => 7, CancellationToken.None).WaitAsync(cancellationToken);

        Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
        Assert.That(output.Result, Is.EqualTo("7"));
    }

    private static InMemoryDurableService NewService() => new(InvocationDriver.DefaultExecutionArn, "\"input\"", InvocationDriver.Start);

    /// <summary>Runs <c>step charge</c> once, its body <paramref name="body"/>.</summary>
    private static Task<DurableExecutionInvocationOutput> RunAsync(
        InMemoryDurableService service, IDurableServiceClient client, LambdaInvocation invocation, Func<int> body, CancellationToken cancellationToken)
    {
        var options = new DurableExecutionOptions(client, InvocationDriver.Serializer);
        return DurableExecution.RunAsync<string, int>(
            service.NextInvocationInput(),
            invocation,
            (_, context) => context.StepAsync(_ => Task.FromResult(body()), "charge"),
            options,
            cancellationToken);
    }
}
