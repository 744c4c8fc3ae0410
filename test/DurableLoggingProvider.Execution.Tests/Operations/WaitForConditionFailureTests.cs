using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>A wait-for-condition fails the same way in the invocation it fails in and on the replays after it.</summary>
[TestFixture]
public class WaitForConditionFailureTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task AStrategyThatGivesUpIsCaughtAsWaitForConditionExceptionNowAndOnReplay(CancellationToken cancellationToken)
    {
        var seen = await RunAsync((state, _, _) => Task.FromResult(state + 1), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(exception => exception.GetType()), Is.EqualTo(new[] { typeof(WaitForConditionException), typeof(WaitForConditionException) }));
            Assert.That(seen.Select(exception => exception.Message), Is.All.EqualTo("The condition did not hold after 2 checks."));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ACheckThatThrowsIsCaughtAsStepExceptionNowAndOnReplay(CancellationToken cancellationToken)
    {
        var seen = await RunAsync((_, _, _) => throw new TimeoutException("the inventory service did not answer"), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(exception => exception.GetType()), Is.EqualTo(new[] { typeof(StepException), typeof(StepException) }));
            Assert.That(seen.Select(exception => ((StepException)exception).ErrorType), Is.All.EqualTo(typeof(TimeoutException).FullName));
        });
    }

    /// <summary>Runs a condition that never holds within two checks, catches its failure, then waits, so that the next invocation replays the failure.</summary>
    private static async Task<Exception[]> RunAsync(Func<int, IConditionCheckContext, CancellationToken, Task<int>> check, CancellationToken cancellationToken)
    {
        var seen = new ConcurrentQueue<Exception>();
        using var runner = new LocalDurableRunner();
        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                try
                {
                    await context.WaitForConditionAsync(
                        check,
                        new WaitForConditionConfig<int> { InitialState = 0, WaitStrategy = WaitStrategy.Fixed<int>(TimeSpan.FromSeconds(1), _ => false, maxAttempts: 2) },
                        "stock arrives");
                }
                catch (Exception exception) when (exception is WaitForConditionException or StepException)
                {
                    seen.Enqueue(exception);
                }

                await context.WaitAsync(TimeSpan.FromSeconds(1), "after");
                return "handled";
            },
            cancellationToken).WaitAsync(cancellationToken);
        Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded), result.Error?.ErrorMessage);
        return seen.ToArray();
    }
}
