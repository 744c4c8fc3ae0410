using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// <see cref="LocalDurableRunner.RunAsync{TInput, TOutput}"/>'s cancellation token is honoured while an
/// invocation runs, not only between invocations: a hanging workflow is cancelled with the standard exception,
/// carrying the caller's token.
/// </summary>
[TestFixture]
public class CancellationTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AWorkflowThatWaitsForeverInAStepIsCancelledWithTheCallersToken(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        using var cancellation = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = runner.RunAsync<string, string>(
            "order-1",
            (_, context) => context.StepAsync(
                _ =>
                {
                    entered.TrySetResult();
                    return new TaskCompletionSource<string>().Task; // never answers, and watches no token
                },
                "hang"),
            cancellation.Token);
        await entered.Task.WaitAsync(cancellationToken);
        await cancellation.CancelAsync();

        var problem = await CaughtAsync(run, cancellationToken);
        Assert.That(problem, Is.InstanceOf<OperationCanceledException>());
        Assert.That(((OperationCanceledException)problem!).CancellationToken, Is.EqualTo(cancellation.Token), "cancelled by the caller's token, not by the test's guard");
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AChainedInvokesFunctionThatNeverAnswersIsCancelledWithTheCallersToken(CancellationToken cancellationToken)
    {
        using var cancellation = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            Functions = new Dictionary<string, Func<string?, Task<string?>>>
            {
                ["notify:live"] = _ =>
                {
                    entered.TrySetResult();
                    return new TaskCompletionSource<string?>().Task;
                },
            },
        });

        var run = runner.RunAsync<string, bool>("order-1", (input, context) => context.InvokeAsync<string, bool>("notify:live", input, "notify"), cancellation.Token);
        await entered.Task.WaitAsync(cancellationToken);
        await cancellation.CancelAsync();

        var problem = await CaughtAsync(run, cancellationToken);
        Assert.That(problem, Is.InstanceOf<OperationCanceledException>());
        Assert.That(((OperationCanceledException)problem!).CancellationToken, Is.EqualTo(cancellation.Token));
    }

    [Test]
    public void ATokenCancelledBeforeTheRunStopsItBeforeTheFirstInvocation()
    {
        using var runner = new LocalDurableRunner();
        var invoked = false;

        Assert.That(
            async () => await runner.RunAsync<string, string>("order-1", (_, _) => { invoked = true; return Task.FromResult("done"); }, new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(invoked, Is.False);
    }

    /// <summary>What <paramref name="run"/> threw, or <see langword="null"/>; the test's own token ends a hang.</summary>
    private static async Task<Exception?> CaughtAsync(Task run, CancellationToken guard)
    {
        try
        {
            await run.WaitAsync(guard);
            return null;
        }
        catch (Exception exception) when (!guard.IsCancellationRequested)
        {
            return exception;
        }
    }
}
