using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// The runner invokes the handler as the service would (durable-wire-format.md, section 1: "Each resume is
/// a new Lambda invocation: a new request id, the same DurableExecutionArn"), skips time by default, and
/// runs registered functions for chained invokes.
/// </summary>
[TestFixture]
public class InvocationTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task EveryInvocationHasItsOwnRequestIdAcrossRunsAndRunners(CancellationToken cancellationToken)
    {
        var requestIds = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            using var runner = new LocalDurableRunner();
            var result = await runner.RunAsync<string, string>("order-7", TwoWaits(cancellationToken), cancellationToken);
            Assert.That(result.Invocations.Select(invocation => invocation.Number), Is.EqualTo(new[] { 1, 2, 3 }));
            requestIds.AddRange(result.Invocations.Select(invocation => invocation.RequestId));
        }

        Assert.That(requestIds, Is.Unique.And.Count.EqualTo(6));
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task EachInvocationCarriesItsOwnRequestIdAndTheSameExecutionArn(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var seen = new List<(string RequestId, string Arn)>();

        var result = await runner.RunAsync<string, string>(
            "order-7",
            async (input, context) =>
            {
                seen.Add((context.Invocation.RequestId, context.ExecutionInfo.DurableExecutionArn));
                return await TwoWaits(cancellationToken)(input, context);
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(invocation => invocation.RequestId), Is.EqualTo(result.Invocations.Select(invocation => invocation.RequestId)));
            Assert.That(seen.Select(invocation => invocation.Arn), Is.All.EqualTo(new LocalRunnerOptions().ExecutionArn));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TimeIsSkippedByDefault(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();

        var result = await runner.RunAsync<string, string>("order-7", TwoWaits(cancellationToken), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Find("a day")?.Operation.Lasted(), Is.EqualTo(TimeSpan.FromDays(1)));
            Assert.That(result.Find("a week")?.Operation.Lasted(), Is.EqualTo(TimeSpan.FromDays(7)));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ARegisteredFunctionAnswersAChainedInvokeWithItsPayload(CancellationToken cancellationToken)
    {
        string? received = null;
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            Functions =
            {
                ["billing"] = payload =>
                {
                    received = payload;
                    return Task.FromResult<string?>("12");
                },
            },
        });

        var result = await runner.RunAsync<string, int>(
            "order-7",
            (order, context) => context.InvokeAsync<string?, int>("billing", order, "bill", cancellationToken: cancellationToken),
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(12));
            Assert.That(received, Is.EqualTo("\"order-7\""));
            Assert.That(result.Find("bill")?.Operation.Status, Is.EqualTo(OperationStatus.Succeeded));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AnInvokeOfAFunctionNobodyRegisteredFails(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();

        var result = await runner.RunAsync<string, int>(
            "order-7",
            (order, context) => context.InvokeAsync<string?, int>("billing", order, "bill", cancellationToken: cancellationToken),
            cancellationToken);

        var invoke = result.Find("bill")!.Operation;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(invoke.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(invoke.ChainedInvokeDetails?.Error?.ErrorMessage, Does.Contain("billing"));
        });
    }

    [Test]
    public void TheRunnerDependsOnNoTestFramework()
    {
        var references = typeof(LocalDurableRunner).Assembly.GetReferencedAssemblies().Select(reference => reference.Name ?? string.Empty);

        Assert.That(
            references.Where(name => name.StartsWith("nunit", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Microsoft.VisualStudio.TestPlatform", StringComparison.OrdinalIgnoreCase)),
            Is.Empty);
    }

    private static Func<string?, IDurableContext, Task<string>> TwoWaits(CancellationToken cancellationToken) => async (_, context) =>
    {
        await context.WaitAsync(TimeSpan.FromDays(1), "a day", cancellationToken);
        await context.WaitAsync(TimeSpan.FromDays(7), "a week", cancellationToken);
        return "done";
    };
}
