using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// Retries (durable-wire-format.md, sections 2, 4 and 6): a failed attempt is checkpointed as
/// <c>RETRY</c> with the delay, the service counts failed attempts, and the semantics decide whether an
/// attempt an invocation left <c>STARTED</c> runs again.
/// </summary>
[TestFixture]
public class StepRetryTests
{
    private static readonly string s_stepId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task AFailedAttemptIsCheckpointedAsRetryWithItsDelayAndTheAttemptsAreCounted(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var attempts = new ConcurrentQueue<int>();
        var config = new StepConfig { RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 3 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(7)) : RetryDecision.DoNotRetry()) };
        Func<string?, IDurableContext, Task<string>> handler = (_, context) => context.StepAsync(
            step =>
            {
                attempts.Enqueue(step.AttemptNumber);
                return step.AttemptNumber < 3 ? throw new InvalidOperationException($"attempt {step.AttemptNumber} failed") : Task.FromResult("reserved");
            },
            "reserve",
            config);

        var outputs = await driver.RunUntilEndAsync(handler, cancellationToken);

        var updates = driver.UpdatesOf(s_stepId);
        var retries = updates.Where(update => update.Action == OperationAction.Retry).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outputs.Select(output => output.Status), Is.EqualTo(new[] { InvocationStatus.Pending, InvocationStatus.Pending, InvocationStatus.Succeeded }));
            Assert.That(outputs[^1].Result, Is.EqualTo("\"reserved\""));
            Assert.That(attempts, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(
                updates.Select(update => update.Action),
                Is.EqualTo(new[] { OperationAction.Start, OperationAction.Retry, OperationAction.Start, OperationAction.Retry, OperationAction.Start, OperationAction.Succeed }));
            Assert.That(retries.Select(update => update.StepOptions?.NextAttemptDelaySeconds), Is.EqualTo(new int?[] { 7, 7 }));
            Assert.That(retries.Select(update => update.Error?.ErrorMessage), Is.EqualTo(new[] { "attempt 1 failed", "attempt 2 failed" }));
            Assert.That(driver.Operation(s_stepId).StepDetails?.Attempt, Is.EqualTo(2), "two attempts failed");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EachAttemptsLinesCarryItsOwnAttemptNumber(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var config = new StepConfig { RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 2 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(2)) : RetryDecision.DoNotRetry()) };

        await driver.RunUntilEndAsync<string, int>(
            (_, context) => context.StepAsync(
                step =>
                {
                    step.Logger.LogInformation("trying");
                    return step.AttemptNumber == 1 ? throw new InvalidOperationException("busy") : Task.FromResult(1);
                },
                "reserve",
                config),
            cancellationToken);

        var lines = driver.RecordsWithMessage("trying");
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(line => line.GetProperty("attempt").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(lines.Select(line => line.GetProperty("requestId").GetString()), Is.EqualTo(driver.RequestIds));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ARetryDelayUnderOneSecondIsCheckpointedAsOneSecond(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var config = new StepConfig { RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 2 ? RetryDecision.RetryAfter(TimeSpan.FromMilliseconds(200)) : RetryDecision.DoNotRetry()) };

        var outputs = await driver.RunUntilEndAsync<string, int>(
            (_, context) => context.StepAsync(step => step.AttemptNumber == 1 ? throw new InvalidOperationException("busy") : Task.FromResult(1), "reserve", config),
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(outputs[^1].Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(driver.UpdatesOf(s_stepId).Single(update => update.Action == OperationAction.Retry).StepOptions?.NextAttemptDelaySeconds, Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnAtMostOnceAttemptThatWasInterruptedIsNotRunAgain(CancellationToken cancellationToken)
    {
        var attempts = new ConcurrentQueue<int>();
        var config = new StepConfig { Semantics = StepSemantics.AtMostOncePerRetry, RetryStrategy = RetryStrategy.None };

        var result = await RunInterruptedAsync(attempts, config, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations[0].Crashed, Is.True, "invocation 1 crashed after the step started");
            Assert.That(attempts, Is.EqualTo(new[] { 1 }), "the interrupted attempt is not run again");
            Assert.That(result.Result, Is.EqualTo("gave up"));
            Assert.That(result.OperationsNamed("charge").Single().Status, Is.EqualTo(OperationStatus.Failed));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnAtMostOnceStepRetriesAnInterruptedAttemptAsTheNextAttempt(CancellationToken cancellationToken)
    {
        var attempts = new ConcurrentQueue<int>();
        var config = new StepConfig
        {
            Semantics = StepSemantics.AtMostOncePerRetry,
            RetryStrategy = RetryStrategy.FromDelegate((_, attempt) => attempt < 2 ? RetryDecision.RetryAfter(TimeSpan.FromSeconds(1)) : RetryDecision.DoNotRetry()),
        };

        var result = await RunInterruptedAsync(attempts, config, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(attempts, Is.EqualTo(new[] { 1, 2 }));
            Assert.That(result.Result, Is.EqualTo("charged on attempt 2"));
            Assert.That(result.OperationsNamed("charge").Single().StepDetails?.Attempt, Is.EqualTo(1), "the interrupted attempt counts as failed");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnAtLeastOnceAttemptThatWasInterruptedRunsAgain(CancellationToken cancellationToken)
    {
        var attempts = new ConcurrentQueue<int>();
        var config = new StepConfig { Semantics = StepSemantics.AtLeastOncePerRetry, RetryStrategy = RetryStrategy.None };

        // At least once, the START goes with the SUCCEED: the crash on that one call loses the attempt's every checkpoint.
        var result = await RunInterruptedAsync(attempts, config, cancellationToken, callsBeforeCrash: 0);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Invocations[0].Crashed, Is.True, "invocation 1 crashed after the step's body ran");
            Assert.That(attempts, Is.EqualTo(new[] { 1, 1 }), "the lost attempt runs again as the same attempt");
            Assert.That(result.Result, Is.EqualTo("charged on attempt 1"));
        });
    }

    /// <summary>
    /// Runs <c>step charge</c>, crashing invocation 1 after <paramref name="callsBeforeCrash"/> checkpoint calls: by
    /// default after the step's START (an at-most-once step's own call), before its SUCCEED.
    /// </summary>
    private static async Task<LocalRunResult<string>> RunInterruptedAsync(ConcurrentQueue<int> attempts, StepConfig config, CancellationToken cancellationToken, int callsBeforeCrash = 1)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { CrashAfterCheckpoints = new Dictionary<int, int> { [1] = callsBeforeCrash } });
        return await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                try
                {
                    return await context.StepAsync(
                        step =>
                        {
                            attempts.Enqueue(step.AttemptNumber);
                            return Task.FromResult($"charged on attempt {step.AttemptNumber}");
                        },
                        "charge",
                        config);
                }
                catch (StepException)
                {
                    return "gave up";
                }
            },
            cancellationToken).WaitAsync(cancellationToken);
    }
}
