using System.Threading.Tasks;
using System.Threading;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>With <see cref="LocalRunnerOptions.RealTime"/>, the runner waits for timers instead of skipping to them.</summary>
[TestFixture]
public class RealTimeTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task AOneSecondWaitInRealTimeFinishes(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { RealTime = true });

        var result = await runner.RunAsync<string, string>(
            "order-7",
            async (_, context) =>
            {
                await context.WaitAsync(TimeSpan.FromSeconds(1), "pause", cancellationToken);
                return "done";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations, Has.Count.EqualTo(2));
            Assert.That(result.Find("pause")?.Operation.Status, Is.EqualTo(OperationStatus.Succeeded));
        });
    }
}
