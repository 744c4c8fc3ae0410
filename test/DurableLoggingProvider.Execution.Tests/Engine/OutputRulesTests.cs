using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// The invocation output (durable-wire-format.md, section 3): <c>SUCCEEDED</c> with the result as JSON
/// text (omitted when null) and no error, <c>FAILED</c> with the error and no result, <c>PENDING</c>
/// only while a step is <c>PENDING</c> or a wait, callback or invoke is <c>STARTED</c>.
/// </summary>
[TestFixture]
public class OutputRulesTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task ASucceededOutputCarriesTheResultAsJsonTextAndNoError(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) => await context.StepAsync(_ => Task.FromResult("shipped"), "ship"),
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.EqualTo("\"shipped\""));
            Assert.That(output.Error, Is.Null);
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ANumberResultIsItsJsonText(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, int>((_, _) => Task.FromResult(42), cancellationToken);

        Assert.That(output.Result, Is.EqualTo("42"));
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ANullResultIsOmitted(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, string?>((_, _) => Task.FromResult<string?>(null), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.Null);
            Assert.That(output.Error, Is.Null);
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AFailedOutputCarriesTheExceptionsFullTypeNameAndMessageAndNoResult(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                await context.StepAsync(_ => Task.FromResult(1), "validate");
                throw new OrderRejectedException("order 42 has no lines");
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(output.Error?.ErrorType, Is.EqualTo("DurableLoggingProvider.Execution.Tests.Engine.OrderRejectedException"));
            Assert.That(output.Error?.ErrorMessage, Is.EqualTo("order 42 has no lines"));
            Assert.That(output.Result, Is.Null);
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AFrameworkExceptionIsNamedByItsFullTypeName(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, string>((_, _) => throw new TimeoutException("the warehouse did not answer"), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(output.Error?.ErrorType, Is.EqualTo("System.TimeoutException"));
            Assert.That(output.Error?.ErrorMessage, Is.EqualTo("the warehouse did not answer"));
            Assert.That(output.Result, Is.Null);
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStartedWaitMakesTheOutputPendingUntilItsTimerFires(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Func<string?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            await context.WaitAsync(TimeSpan.FromSeconds(10), "cool-off");
            return "done";
        };

        var pending = await driver.InvokeAsync(handler, cancellationToken);
        var waitWhilePending = driver.Operation(OperationIdsTests.FirstRootOperation);
        driver.FireNextTimer();
        var finished = await driver.InvokeAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            AssertPending(pending);
            Assert.That(waitWhilePending.Type, Is.EqualTo(OperationType.Wait));
            Assert.That(waitWhilePending.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(finished.Status, Is.EqualTo(InvocationStatus.Succeeded));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task APendingStepMakesTheOutputPendingUntilItsNextAttemptSucceeds(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var config = new StepConfig { RetryStrategy = RetryStrategy.FromDelegate((_, _) => RetryDecision.RetryAfter(TimeSpan.FromSeconds(3))) };
        Func<string?, IDurableContext, Task<string>> handler = (_, context) => context.StepAsync(
            step => step.AttemptNumber == 1 ? throw new InvalidOperationException("the warehouse is busy") : Task.FromResult("reserved"),
            "reserve",
            config);

        var pending = await driver.InvokeAsync(handler, cancellationToken);
        var stepWhilePending = driver.Operation(OperationIdsTests.FirstRootOperation);
        driver.FireNextTimer();
        var finished = await driver.InvokeAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            AssertPending(pending);
            Assert.That(stepWhilePending.Type, Is.EqualTo(OperationType.Step));
            Assert.That(stepWhilePending.Status, Is.EqualTo(OperationStatus.Pending));
            Assert.That(finished.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(finished.Result, Is.EqualTo("\"reserved\""));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStartedCallbackMakesTheOutputPendingUntilItIsAnswered(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Func<string?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            var callback = await context.CreateCallbackAsync<string>("approval");
            return await callback.GetResultAsync();
        };

        var pending = await driver.InvokeAsync(handler, cancellationToken);
        var callbackWhilePending = driver.Operation(OperationIdsTests.FirstRootOperation);
        driver.Service.SucceedCallback(callbackWhilePending.CallbackDetails!.CallbackId!, "\"yes\"");
        var finished = await driver.InvokeAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            AssertPending(pending);
            Assert.That(callbackWhilePending.Type, Is.EqualTo(OperationType.Callback));
            Assert.That(callbackWhilePending.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(finished.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(finished.Result, Is.EqualTo("\"yes\""));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStartedInvokeMakesTheOutputPendingUntilTheInvokedFunctionEnds(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Func<string?, IDurableContext, Task<int>> handler = (_, context) =>
            context.InvokeAsync<int, int>("arn:aws:lambda:us-east-1:123456789012:function:pricing:1", 21, "price");

        var pending = await driver.InvokeAsync(handler, cancellationToken);
        var invokeWhilePending = driver.Operation(OperationIdsTests.FirstRootOperation);
        driver.Service.CompleteInvoke(invokeWhilePending.Id, "42");
        var finished = await driver.InvokeAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            AssertPending(pending);
            Assert.That(invokeWhilePending.Type, Is.EqualTo(OperationType.ChainedInvoke));
            Assert.That(invokeWhilePending.Status, Is.EqualTo(OperationStatus.Started));
            Assert.That(finished.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(finished.Result, Is.EqualTo("42"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AWorkflowAwaitingOrdinaryWorkWithNothingDurablePendingIsNotPending(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                await context.StepAsync(_ => Task.FromResult(1), "prepare");
                await Task.Delay(20);
                return "done";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.EqualTo("\"done\""));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnInvocationIsNotPendingWhileAStepBodyStillRunsInAnotherBranch(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver(new InMemoryServiceOptions { PruneFinishedContexts = false });
        var bodyRuns = 0;
        Func<string?, IDurableContext, Task<int>> handler = async (_, context) =>
        {
            var batch = await context.ParallelAsync(
                new Func<IDurableContext, Task<int>>[]
                {
                    async branch =>
                    {
                        await branch.WaitAsync(TimeSpan.FromSeconds(5), "pause");
                        return 1;
                    },
                    branch => branch.StepAsync(
                        async _ =>
                        {
                            Interlocked.Increment(ref bodyRuns);
                            await Task.Delay(50);
                            return 2;
                        },
                        "slow"),
                },
                "branches");
            return batch.GetResults().Sum();
        };

        var pending = await driver.InvokeAsync(handler, cancellationToken);
        var slowStep = driver.Service.Operations.Single(operation => operation.Name == "slow");
        driver.FireNextTimer();
        var finished = await driver.InvokeAsync(handler, cancellationToken);

        Assert.Multiple(() =>
        {
            AssertPending(pending);
            Assert.That(slowStep.Status, Is.EqualTo(OperationStatus.Succeeded), "the step finished before the invocation suspended");
            Assert.That(bodyRuns, Is.EqualTo(1), "nothing crashed, so the body is not run again");
            Assert.That(finished.Result, Is.EqualTo("3"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AResultOverSixMegabytesIsCheckpointedOnTheExecutionAndReturnedEmpty(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var large = new string('x', 7 * 1024 * 1024);

        var output = await driver.InvokeAsync<string, string>((_, _) => Task.FromResult(large), cancellationToken);

        var executionUpdates = driver.Updates.Where(update => update.Type == OperationType.Execution).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.EqualTo(string.Empty));
            Assert.That(executionUpdates, Has.Count.EqualTo(1));
            Assert.That(executionUpdates.Single().Action, Is.EqualTo(OperationAction.Succeed));
            Assert.That(executionUpdates.Single().Payload, Is.EqualTo($"\"{large}\""));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AResultUnderSixMegabytesIsReturnedInline(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var sizable = new string('x', 1024 * 1024);

        var output = await driver.InvokeAsync<string, string>((_, _) => Task.FromResult(sizable), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Result, Is.EqualTo($"\"{sizable}\""));
            Assert.That(driver.Updates.Where(update => update.Type == OperationType.Execution), Is.Empty);
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AResultUnderSixMillionCharactersWhoseOutputIsOverSixMegabytesIsCheckpointedToo(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        // ["a","a",…]: 4 characters an item in the result, 6 bytes in the output, where each quote is escaped.
        var items = Enumerable.Repeat("a", 1_300_000).ToArray();

        var output = await driver.InvokeAsync<string, string[]>((_, _) => Task.FromResult(items), cancellationToken);

        var payload = driver.Updates.Single(update => update.Type == OperationType.Execution).Payload;
        Assert.Multiple(() =>
        {
            Assert.That(payload!.Length, Is.LessThan(6 * 1024 * 1024), "the result alone is under 6 MB");
            Assert.That(output.Result, Is.EqualTo(string.Empty));
            Assert.That(Encoding.UTF8.GetByteCount(DurableWireFormat.SerializeInvocationOutput(output)), Is.LessThan(6 * 1024 * 1024));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AResultJustUnderTheLimitWhenWrittenIsReturnedInline(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        // The output is {"Status":"SUCCEEDED","Result":"\"xxx…\""}: 38 bytes around the characters.
        var text = new string('x', (6 * 1024 * 1024) - 38);

        var output = await driver.InvokeAsync<string, string>((_, _) => Task.FromResult(text), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetByteCount(DurableWireFormat.SerializeInvocationOutput(output)), Is.EqualTo(6 * 1024 * 1024));
            Assert.That(driver.Updates.Where(update => update.Type == OperationType.Execution), Is.Empty);
        });
    }

    private static void AssertPending(DurableExecutionInvocationOutput output)
    {
        Assert.That(output.Status, Is.EqualTo(InvocationStatus.Pending));
        Assert.That(output.Result, Is.Null, "a PENDING output carries no result");
        Assert.That(output.Error, Is.Null, "a PENDING output carries no error");
    }
}
