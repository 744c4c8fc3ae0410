using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>
/// Replaying with different code (durable-wire-format.md, section 5): a checkpointed operation whose
/// type or name differs from the call that claims its id fails the execution, naming both.
/// </summary>
[TestFixture]
public class NonDeterminismTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task ARenamedStepFailsTheExecutionNamingBothOperations(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        await FirstInvocationAsync(driver, "charge-card", cancellationToken);

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                await context.StepAsync(_ => Task.FromResult(1), "refund-card");
                return "done";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(output.Result, Is.Null);
            Assert.That(output.Error?.ErrorMessage, Does.Contain("charge-card").And.Contain("refund-card"));
            Assert.That(output.Error?.ErrorMessage, Does.Contain("step").IgnoreCase);
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStepReplacedByAWaitFailsTheExecutionNamingBothTypes(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        await FirstInvocationAsync(driver, "notify", cancellationToken);

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                await context.WaitAsync(TimeSpan.FromSeconds(1), "notify");
                return "done";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(output.Error?.ErrorMessage, Does.Contain("step").IgnoreCase.And.Contain("wait").IgnoreCase);
            Assert.That(output.Error?.ErrorMessage, Does.Contain("notify"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStepReplacedByAChildContextFailsTheExecutionNamingBothTypes(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        await FirstInvocationAsync(driver, "notify", cancellationToken);

        var output = await driver.InvokeAsync<string, string>(
            (_, context) => context.RunInChildContextAsync(_ => Task.FromResult("done"), "notify"),
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(output.Error?.ErrorMessage, Does.Contain("step").IgnoreCase.And.Contain("context").IgnoreCase);
            Assert.That(output.Error?.ErrorMessage, Does.Contain("notify"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task TheExecutionFailsEvenWhenTheWorkflowCatchesTheException(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        await FirstInvocationAsync(driver, "charge-card", cancellationToken);
        Exception? caught = null;

        var output = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                try
                {
                    await context.StepAsync(_ => Task.FromResult(1), "refund-card");
                }
                catch (Exception exception)
                {
                    caught = exception;
                }

                return "recovered";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(caught, Is.Not.Null, "the workflow saw the exception");
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(output.Result, Is.Null);
            Assert.That(output.Error?.ErrorMessage, Does.Contain("charge-card").And.Contain("refund-card"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task TheBodyOfTheChangedStepNeverRuns(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        await FirstInvocationAsync(driver, "charge-card", cancellationToken);
        var bodyRuns = 0;

        await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                await context.StepAsync(
                    _ =>
                    {
                        Interlocked.Increment(ref bodyRuns);
                        return Task.FromResult(1);
                    },
                    "refund-card");
                return "done";
            },
            cancellationToken);

        Assert.That(bodyRuns, Is.Zero);
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AChangeInsideAMapItemFailsTheExecutionInsteadOfFailingTheItem(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Func<string, Func<string?, IDurableContext, Task<string>>> workflow = stepName => async (_, context) =>
        {
            var batch = await context.MapAsync(
                new[] { "a", "b" },
                async (item, value, index) =>
                {
                    var name = index == 1 ? stepName : "check";
                    await item.StepAsync(_ => Task.FromResult(value), name);
                    await item.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                    return value;
                },
                "items");
            return batch.HasFailure ? "an item failed" : "all items succeeded";
        };

        var first = await driver.InvokeAsync(workflow("check"), cancellationToken);
        driver.FireNextTimer();
        var second = await driver.InvokeAsync(workflow("check-again"), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(second.Result, Is.Null);
            Assert.That(second.Error?.ErrorMessage, Does.Contain("'check'").And.Contain("check-again"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AChangeInOneBranchFailsTheExecutionWhileASiblingBranchStillWaits(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Func<string, Func<string?, IDurableContext, Task<string>>> workflow = stepName => async (_, context) =>
        {
            await context.ParallelAsync(
                new Func<IDurableContext, Task<int>>[]
                {
                    async branch =>
                    {
                        await branch.WaitAsync(TimeSpan.FromSeconds(60), "long pause");
                        return 1;
                    },
                    async branch =>
                    {
                        await branch.StepAsync(_ => Task.FromResult(2), stepName);
                        await branch.WaitAsync(TimeSpan.FromSeconds(1), "short pause");
                        return 2;
                    },
                },
                "branches");
            return "done";
        };

        var first = await driver.InvokeAsync(workflow("pack"), cancellationToken);
        driver.FireNextTimer();
        var second = await driver.InvokeAsync(workflow("wrap"), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(second.Error?.ErrorMessage, Does.Contain("'pack'").And.Contain("'wrap'"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AMapReplacedByAParallelOfTheSameNameFailsTheExecution(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var first = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                await context.MapAsync(new[] { 1 }, (_, value, _) => Task.FromResult(value), "fan-out");
                await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                return "done";
            },
            cancellationToken);
        driver.FireNextTimer();

        var second = await driver.InvokeAsync<string, string>(
            async (_, context) =>
            {
                await context.ParallelAsync(new Func<IDurableContext, Task<int>>[] { _ => Task.FromResult(1) }, "fan-out");
                await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                return "done";
            },
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(second.Status, Is.EqualTo(InvocationStatus.Failed));
            Assert.That(second.Error?.ErrorMessage, Does.Contain("Map").And.Contain("Parallel").And.Contain("fan-out"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ReplayingTheSameCodeSucceeds(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        await FirstInvocationAsync(driver, "charge-card", cancellationToken);

        var output = await driver.InvokeAsync(Workflow("charge-card"), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(output.Result, Is.EqualTo("\"done\""));
        });
    }

    /// <summary>Runs <c>step name; wait 1 s</c> until it suspends, then fires the wait's timer.</summary>
    private static async Task FirstInvocationAsync(InvocationDriver driver, string stepName, CancellationToken cancellationToken)
    {
        var output = await driver.InvokeAsync(Workflow(stepName), cancellationToken);
        Assert.That(output.Status, Is.EqualTo(InvocationStatus.Pending), "the first invocation suspends at its wait");
        driver.FireNextTimer();
    }

    private static Func<string?, IDurableContext, Task<string>> Workflow(string stepName) => async (_, context) =>
    {
        await context.StepAsync(_ => Task.FromResult(1), stepName);
        await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
        return "done";
    };
}
