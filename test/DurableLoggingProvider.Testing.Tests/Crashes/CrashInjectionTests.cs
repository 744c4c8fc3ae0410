using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Crashes;

/// <summary>
/// Crash injection (<see cref="LocalRunnerOptions.CrashAfterCheckpoints"/>): the invocation dies at a
/// checkpoint call, as a process killed mid-work would (replay-gate.md, scenario 13). The runner records
/// it as crashed, with the lines it wrote, and the next invocation resumes from the state as it was.
/// </summary>
[TestFixture]
public class CrashInjectionTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TheCrashedInvocationIsRecordedAsCrashedWithItsLinesAndTheNextOneFinishesTheWork(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CrashAfterCheckpoints = { [1] = 0 } });
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>("order-7", ChargeWorkflow(logger), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("charged"));
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { true, false }));
            Assert.That(result.Invocations[0].Status, Is.Null, "a crashed invocation returned nothing");
            Assert.That(result.Invocations[1].Status, Is.EqualTo(InvocationStatus.Succeeded));
            // The step's START goes with its SUCCEED (at least once), so its body ran before the first call, the one that crashed.
            Assert.That(result.Invocations[0].Records.Messages(), Is.EqualTo(new[] { "received order-7", "charging" }), "written before the crash, and kept");
            Assert.That(result.Invocations[1].Records.Messages(), Does.Contain("charging").And.Contain("charged order-7"));
            Assert.That(result.Find("charge")?.Operation.Status, Is.EqualTo(OperationStatus.Succeeded));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACrashCanBeInjectedIntoALaterInvocation(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CrashAfterCheckpoints = { [2] = 0 } });
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>(
            "order-7",
            async (input, context) =>
            {
                await context.WaitAsync(TimeSpan.FromMinutes(1), "cool-off", cancellationToken);
                return await ChargeWorkflow(logger)(input, context);
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { false, true, false }));
            Assert.That(result.Invocations.Select(invocation => invocation.Status), Is.EqualTo(new InvocationStatus?[] { InvocationStatus.Pending, null, InvocationStatus.Succeeded }));
        });
    }

    /// <summary>Logs, runs a step named charge, logs again.</summary>
    private static Func<string?, IDurableContext, Task<string>> ChargeWorkflow(ILogger logger) => async (order, context) =>
    {
        logger.LogInformation("received {Order}", order);
        await context.StepAsync(
            _ =>
            {
                logger.LogInformation("charging");
                return Task.CompletedTask;
            },
            "charge");
        logger.LogInformation("charged {Order}", order);
        return "charged";
    };
}
