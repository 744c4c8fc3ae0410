using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>A step's body (or a condition check) is one unit of work: a durable call inside it is a programming error, refused at once.</summary>
[TestFixture]
public class DurableCallInStepBodyTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task AWaitInsideAStepBodyThrowsInvalidOperationExceptionNamingTheStep(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Exception? seen = null;

        var output = await driver.InvokeAsync<string, string>(
            (_, context) => context.StepAsync(
                async _ =>
                {
                    try
                    {
                        await context.WaitAsync(TimeSpan.FromSeconds(5), "inner wait");
                    }
                    catch (Exception exception)
                    {
                        seen = exception;
                    }

                    return "body done";
                },
                "charge"),
            cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.TypeOf<InvalidOperationException>());
            Assert.That(seen?.Message, Does.Contain(OperationIdsTests.FirstRootOperation).Or.Contain("'charge'"), "the message names the step");
            Assert.That(seen?.Message, Does.Contain("inside").And.Contain("body"));
            Assert.That(output.Result, Is.EqualTo("\"body done\""));
            Assert.That(driver.Service.Operations.Where(operation => operation.Type != OperationType.Execution).Select(operation => operation.Type), Is.EqualTo(new[] { OperationType.Step }), "the refused call claims nothing");
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStepInsideAStepBodyInAChildContextIsRefusedToo(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Exception? seen = null;

        await driver.InvokeAsync<string, string>(
            (_, context) => context.RunInChildContextAsync(
                child => child.StepAsync(
                    async _ =>
                    {
                        try
                        {
                            await child.StepAsync(_ => Task.FromResult(1), "nested");
                        }
                        catch (Exception exception)
                        {
                            seen = exception;
                        }

                        return "body done";
                    },
                    "outer"),
                "child"),
            cancellationToken);

        Assert.That(seen, Is.TypeOf<InvalidOperationException>());
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ADurableCallInsideAConditionCheckIsRefused(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        Exception? seen = null;

        await driver.InvokeAsync<string, int>(
            (_, context) => context.WaitForConditionAsync<int>(
                async (state, _, token) =>
                {
                    try
                    {
                        await context.StepAsync(_ => Task.FromResult(1), "nested", cancellationToken: token);
                    }
                    catch (Exception exception)
                    {
                        seen = exception;
                    }

                    return state + 1;
                },
                new WaitForConditionConfig<int> { InitialState = 0, WaitStrategy = WaitStrategy.FromDelegate<int>((_, _) => WaitDecision.Stop()) },
                "poll"),
            cancellationToken);

        Assert.That(seen, Is.TypeOf<InvalidOperationException>());
    }

    [Test]
    [CancelAfter(30000)]
    public async Task DurableCallsAfterAStepBodyAreAllowedAgain(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, int>(
            async (_, context) =>
            {
                var first = await context.StepAsync(_ => Task.FromResult(1), "first");
                return first + await context.StepAsync(_ => Task.FromResult(2), "second");
            },
            cancellationToken);

        Assert.That(output.Result, Is.EqualTo("3"));
    }
}
