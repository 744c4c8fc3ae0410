using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Context;

/// <summary>The ambient context flows with the code (AsyncLocal): into awaits and Task.Run, never across concurrent invocations.</summary>
[TestFixture]
public class AmbientFlowTests
{
    [Test]
    public async Task TheContextFlowsAcrossAwaits()
    {
        var invocation = new LambdaInvocation("req-await");
        var context = new DurableContextState("arn:await", isReplaying: false);

        using (DurableLogContext.BeginInvocation(invocation))
        using (DurableLogContext.EnterContext(context))
        {
            await Task.Yield();
            await Task.Delay(1);
            var seen = await ReadLaterAsync();

            Assert.Multiple(() =>
            {
                Assert.That(seen.Invocation, Is.SameAs(invocation));
                Assert.That(seen.Context, Is.SameAs(context));
                Assert.That(DurableLogContext.Invocation, Is.SameAs(invocation));
            });
        }
    }

    [Test]
    public async Task TheContextFlowsIntoTaskRun()
    {
        var invocation = new LambdaInvocation("req-run");
        var operation = new DurableOperation("op-run");

        using (DurableLogContext.BeginInvocation(invocation))
        using (DurableLogContext.EnterOperation(operation))
        {
            var seen = await Task.Run(() => (DurableLogContext.Invocation, DurableLogContext.Operation));

            Assert.Multiple(() =>
            {
                Assert.That(seen.Invocation, Is.SameAs(invocation));
                Assert.That(seen.Operation, Is.SameAs(operation));
            });
        }
    }

    [Test]
    public void TheContextFlowsIntoANewThread()
    {
        var invocation = new LambdaInvocation("req-thread");
        LambdaInvocation? seen = null;

        using (DurableLogContext.BeginInvocation(invocation))
        {
            var thread = new Thread(() => seen = DurableLogContext.Invocation);
            thread.Start();
            thread.Join();
        }

        Assert.That(seen, Is.SameAs(invocation));
    }

    [Test]
    public async Task WhatATaskEntersDoesNotLeakBackToItsCaller()
    {
        var outer = new LambdaInvocation("req-outer");

        using (DurableLogContext.BeginInvocation(outer))
        {
            await Task.Run(() => DurableLogContext.EnterContext(new DurableContextState("arn:leaked", isReplaying: true)));
            await EnterWithoutLeavingAsync();

            Assert.Multiple(() =>
            {
                Assert.That(DurableLogContext.Invocation, Is.SameAs(outer));
                Assert.That(DurableLogContext.Context, Is.Null);
            });
        }
    }

    [Test]
    public async Task ConcurrentInvocationsNeverSeeEachOthersValues()
    {
        const int Invocations = 16;
        using var logging = new TestLogging(o => o.Format = DurableLogFormat.Json);
        var logger = logging.Logger();
        var outside = Invocations;
        var allInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var mismatches = await Task.WhenAll(Enumerable.Range(0, Invocations).Select(i => Task.Run(async () =>
        {
            var invocation = new LambdaInvocation($"req-{i}");
            var context = new DurableContextState($"arn:{i}", isReplaying: false);
            using (DurableLogContext.BeginInvocation(invocation))
            using (DurableLogContext.EnterContext(context))
            {
                // Every invocation is inside its scope before any reads: they truly overlap.
                if (Interlocked.Decrement(ref outside) == 0)
                {
                    allInside.SetResult();
                }

                await allInside.Task.WaitAsync(System.TimeSpan.FromSeconds(10));
                var wrong = 0;
                for (var step = 0; step < 20; step++)
                {
                    await Task.Yield();
                    if (!ReferenceEquals(DurableLogContext.Invocation, invocation) || !ReferenceEquals(DurableLogContext.Context, context))
                    {
                        wrong++;
                    }

                    logger.LogInformation("Invocation {Invocation} step {Step}", i, step);
                }

                return wrong;
            }
        })));

        Assert.That(mismatches.Sum(), Is.Zero);
        var records = logging.Records;
        Assert.That(records, Has.Count.EqualTo(Invocations * 20));
        Assert.That(
            records.Count(r => r.GetProperty("requestId").GetString() != $"req-{r.GetProperty("Invocation").GetInt32()}"
                || r.GetProperty("executionArn").GetString() != $"arn:{r.GetProperty("Invocation").GetInt32()}"),
            Is.Zero);
    }

    private static async Task<(LambdaInvocation? Invocation, DurableContextState? Context)> ReadLaterAsync()
    {
        await Task.Delay(1).ConfigureAwait(false);
        return (DurableLogContext.Invocation, DurableLogContext.Context);
    }

    private static async Task EnterWithoutLeavingAsync()
    {
        await Task.Yield();
        DurableLogContext.EnterContext(new DurableContextState("arn:leaked-async", isReplaying: true));
    }
}
