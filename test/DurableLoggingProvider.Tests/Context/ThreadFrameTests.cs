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
        // Work that carries the frame and work queued without the execution context, interleaved, so that a
        // small pool's threads run both kinds one after the other (on a machine with many cores some threads may
        // run only one kind; what each item sees must hold either way).
        var invocation = new LambdaInvocation("req-pool");
        var seen = new (int ThreadId, bool Flowed, LambdaInvocation? Value)[Items * 2];
        using var done = new CountdownEvent(seen.Length);
        using (DurableLogContext.BeginInvocation(invocation))
        {
            for (var i = 0; i < Items; i++)
            {
                Queue(seen, 2 * i, flowed: true, done);
                Queue(seen, (2 * i) + 1, flowed: false, done);
            }
        }

        Assert.That(await Task.Run(() => done.Wait(TimeSpan.FromSeconds(30))), Is.True, "the pool ran every item");
        Assert.Multiple(() =>
        {
            Assert.That(seen.Where(s => s.Flowed).Select(s => s.Value), Is.All.SameAs(invocation), "the frame flowed into the work that carries it");
            Assert.That(seen.Where(s => !s.Flowed).Select(s => s.Value), Is.All.Null, "work queued without the execution context carries no frame");
        });
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

    private static void Queue((int ThreadId, bool Flowed, LambdaInvocation? Value)[] seen, int index, bool flowed, CountdownEvent done)
    {
        WaitCallback read = _ =>
        {
            seen[index] = (Environment.CurrentManagedThreadId, flowed, DurableLogContext.Invocation);
            done.Signal();
        };
        if (flowed)
        {
            ThreadPool.QueueUserWorkItem(read);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(read, null);
        }
    }
}
