using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Context;

/// <summary>
/// The hot path reads the ambient frame from a per-thread copy that the runtime keeps equal to the
/// <c>AsyncLocal</c> through its change notification. These are the flows where a stale copy would show:
/// a thread that ran a frame's work and then runs work that carries no frame, contexts captured and run
/// elsewhere, flow suppressed, and a scope left on another thread than it was entered on.
/// </summary>
[TestFixture]
public class ThreadFrameTests
{
    private const int Items = 200;

    [Test]
    public async Task PoolThreadsThatRanAFramesWorkSeeNoFrameInWorkThatCarriesNone()
    {
        var threadsWithFrame = new ConcurrentDictionary<int, bool>();
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-pool")))
        {
            await Task.WhenAll(Enumerable.Range(0, Items).Select(_ => Task.Run(() =>
            {
                threadsWithFrame[Environment.CurrentManagedThreadId] = DurableLogContext.Invocation is not null;
            })));
        }

        var seen = await RunUnflowedAsync(() => DurableLogContext.Invocation);

        Assert.Multiple(() =>
        {
            Assert.That(threadsWithFrame.Values, Is.All.True, "the frame flowed into Task.Run");
            Assert.That(seen.Select(s => s.Value), Is.All.Null, "work queued without the execution context carries no frame");
        });
        Assume.That(seen.Select(s => s.ThreadId).Intersect(threadsWithFrame.Keys), Is.Not.Empty, "the same pool threads ran both");
    }

    [Test]
    public void ACapturedContextRunElsewhereBringsItsFrameAndTakesItAwayAfter()
    {
        var invocation = new LambdaInvocation("req-captured");
        ExecutionContext captured;
        using (DurableLogContext.BeginInvocation(invocation))
        {
            captured = ExecutionContext.Capture()!;
        }

        LambdaInvocation? inside = null;
        ExecutionContext.Run(captured, _ => inside = DurableLogContext.Invocation, null);

        Assert.Multiple(() =>
        {
            Assert.That(inside, Is.SameAs(invocation));
            Assert.That(DurableLogContext.Invocation, Is.Null, "after the run the thread is back in its own context");
        });
    }

    [Test]
    public async Task SuppressedFlowCarriesNoFrame()
    {
        Task<LambdaInvocation?> started;
        using (DurableLogContext.BeginInvocation(new LambdaInvocation("req-suppressed")))
        {
            using (ExecutionContext.SuppressFlow())
            {
                started = Task.Run(() => DurableLogContext.Invocation);
            }
        }

        Assert.That(await started, Is.Null);
    }

    [Test]
    public async Task AScopeLeftOnAnotherThreadLeavesItsFrameThere()
    {
        var outer = new LambdaInvocation("req-outer");
        using (DurableLogContext.BeginInvocation(outer))
        {
            var scope = DurableLogContext.EnterContext(new DurableContextState("arn:moved", isReplaying: false));
            await Task.Delay(1).ConfigureAwait(false);
            await Task.Yield();
            scope.Dispose();

            Assert.Multiple(() =>
            {
                Assert.That(DurableLogContext.Context, Is.Null);
                Assert.That(DurableLogContext.Invocation, Is.SameAs(outer));
            });
        }
    }

    [Test]
    public void AWorkerThreadSeesNoFrameAfterItsWorkLeavesIt()
    {
        var frames = new BlockingCollection<LambdaInvocation?>();
        var invocation = new LambdaInvocation("req-worker");
        var worker = new Thread(() =>
        {
            using (DurableLogContext.BeginInvocation(invocation))
            {
                frames.Add(DurableLogContext.Invocation);
            }

            frames.Add(DurableLogContext.Invocation);
        });
        worker.Start();
        worker.Join();

        Assert.That(frames.ToArray(), Is.EqualTo(new[] { invocation, null }));
    }

    private static async Task<(int ThreadId, LambdaInvocation? Value)[]> RunUnflowedAsync(Func<LambdaInvocation?> read)
    {
        var results = new (int ThreadId, LambdaInvocation? Value)[Items];
        using var done = new CountdownEvent(Items);
        for (var i = 0; i < Items; i++)
        {
            var index = i;
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    results[index] = (Environment.CurrentManagedThreadId, read());
                    done.Signal();
                },
                null);
        }

        await Task.Run(() => done.Wait(TimeSpan.FromSeconds(30)));
        return results;
    }
}
