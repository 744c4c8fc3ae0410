using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>Wait-for-callback: a <c>CONTEXT</c> of sub-type <c>WaitForCallback</c> that creates a callback, hands its id to a submitter once, and waits for the answer.</summary>
[TestFixture]
public class WaitForCallbackOperationTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task TheSubmitterGetsTheCallbacksIdOnceAndTheAnswerIsReturned(CancellationToken cancellationToken)
    {
        var submitted = new ConcurrentQueue<string>();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            Service = new InMemoryServiceOptions { PruneFinishedContexts = false },
            AnswerCallback = _ => CallbackAnswer.Succeed("\"approved\""),
        });

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                var answer = await context.WaitForCallbackAsync<string>(
                    (callbackId, submitter) =>
                    {
                        submitted.Enqueue(callbackId);
                        submitter.Logger.LogInformation("approval requested");
                        return Task.CompletedTask;
                    },
                    "approval");
                await context.WaitAsync(TimeSpan.FromSeconds(1), "cool-off");
                return answer;
            },
            cancellationToken).WaitAsync(cancellationToken);

        var operation = result.OperationsNamed("approval").Single(candidate => candidate.Type == OperationType.Context);
        var callback = result.Operations.Single(candidate => candidate.Type == OperationType.Callback);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("approved"));
            Assert.That(operation.Type, Is.EqualTo(OperationType.Context));
            Assert.That(operation.SubType, Is.EqualTo("WaitForCallback"));
            Assert.That(operation.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(callback.ParentId, Is.EqualTo(operation.Id));
            Assert.That(callback.Name, Is.EqualTo("approval"), "the callback carries the wait-for-callback's name");
            Assert.That(submitted, Is.EqualTo(new[] { callback.CallbackDetails?.CallbackId }), "the submitter runs once, with the callback's id");
            Assert.That(result.RecordsWithMessage("approval requested"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AFailedAnswerSurfacesAsTheOperationsFailureWithTheAnswersError(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { AnswerCallback = _ => CallbackAnswer.Fail("Rejected", "the manager said no") });
        DurableOperationFailedException? seen = null;

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                try
                {
                    return await context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "approval");
                }
                catch (DurableOperationFailedException exception)
                {
                    seen = exception;
                    return "rejected";
                }
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("rejected"));
            Assert.That(seen?.ErrorType, Is.EqualTo("Rejected"));
            Assert.That(seen?.Message, Does.Contain("the manager said no"));
            Assert.That(result.OperationsNamed("approval").Single().Status, Is.EqualTo(OperationStatus.Failed));
        });
    }
}
