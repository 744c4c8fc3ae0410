using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Reliability.HostileRun;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// Answers to <c>CheckpointDurableExecution</c> no real service sends (durable-wire-format.md, sections 4
/// and 7), and the pages they lead to. Each fails the invocation with a <see cref="CheckpointException"/>
/// whose <see cref="InvalidServiceAnswerException"/> names the answer and the field: it is the service's
/// failure, so the step whose checkpoint it answered is never charged with a failed attempt (no
/// <c>RETRY</c> or <c>FAIL</c> is sent) and Lambda retries the invocation.
/// </summary>
[TestFixture]
public class HostileCheckpointAnswerTests
{
    private const string Answer = "CheckpointDurableExecution answer";

    [Test]
    [CancelAfter(10_000)]
    public async Task ANullAnswerIsRefused(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Answer = (_, _) => null };

        var outcome = await RunAsync(Input(ExecutionOperation()), client, cancellationToken);

        AssertRefusedAsTheServicesFailure(outcome, client, Answer, "$", "found null");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAnswerWhoseOperationsAreNullIsRefused(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Answer = (_, _) => new CheckpointResponse { CheckpointToken = "t", NewExecutionState = new ExecutionStatePage { Operations = null! } } };

        var outcome = await RunAsync(Input(ExecutionOperation()), client, cancellationToken);

        AssertRefusedAsTheServicesFailure(outcome, client, Answer, "NewExecutionState.Operations", "expected an array of operations, found null.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAnswerHoldingANullOperationIsRefused(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Answer = (_, _) => new CheckpointResponse { CheckpointToken = "t", NewExecutionState = Page(null, (Operation?)null) } };

        var outcome = await RunAsync(Input(ExecutionOperation()), client, cancellationToken);

        AssertRefusedAsTheServicesFailure(outcome, client, Answer, "NewExecutionState.Operations[0]", "expected an Operation object, found null.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAnswerWhosePagesRepeatAMarkerIsAnErrorNamingIt(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient
        {
            Answer = (_, _) => new CheckpointResponse { CheckpointToken = "t-1", NewExecutionState = Page("answer-2") },
            Page = request => Page(request.Marker, Charge(OperationStatus.Started)),
        };

        var outcome = await RunAsync(Input(ExecutionOperation()), client, cancellationToken);

        AssertRefusedAsTheServicesFailure(
            outcome, client, "GetDurableExecutionState page 2 (Marker \"answer-2\") of a checkpoint's answer", "NextMarker", "the marker \"answer-2\" repeats: page 1 gave it already");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(client.StateReads, Has.Count.EqualTo(1));
            Assert.That(client.StateReads[0].CheckpointToken, Is.EqualTo("t-1"), "pages are read with the answer's token");
            Assert.That(client.StateReads[0].MaxItems, Is.EqualTo(1000), "and the configured page size");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAnswerWithASecondExecutionOperationIsRefused(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Answer = (_, _) => new CheckpointResponse { CheckpointToken = "t", NewExecutionState = Page(null, ExecutionOperation("another-execution", "\"forged\"")) } };

        var outcome = await RunAsync(Input(ExecutionOperation()), client, cancellationToken);

        AssertRefusedAsTheServicesFailure(outcome, client, Answer, "NewExecutionState.Operations[0].Type", "a second operation of Type EXECUTION, \"another-execution\"");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAnswerCarryingTheExecutionOperationAgainIsMergedWithoutChangingTheInput(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Answer = (number, _) => new CheckpointResponse { CheckpointToken = $"t-{number}", NewExecutionState = Page(null, ExecutionOperation(payload: "\"forged\"")) } };
        string? input = null;
        var options = new DurableExecutionOptions(client, InvocationDriver.Serializer);

        var output = await DurableExecution.RunAsync<string, string>(
            Input(ExecutionOperation()),
            new LambdaInvocation("request-1"),
            async (payload, context) =>
            {
                await context.StepAsync(_ => Task.FromResult(1), "first");
                await context.StepAsync(_ => Task.FromResult(2), "second");
                input = payload;
                return payload!;
            },
            options,
            cancellationToken).WaitAsync(cancellationToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(input, Is.EqualTo("order-42"));
            // Each step's START goes with its SUCCEED: two calls, the second sent after the first answer's forged EXECUTION was merged.
            Assert.That(client.Checkpoints, Has.Count.EqualTo(2));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAnswerWithoutATokenFailsTheNextCheckpointWithoutSendingASpentToken(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Answer = (_, _) => new CheckpointResponse { NewExecutionState = new ExecutionStatePage() } };
        var sink = new RecordingLogSink();
        using var services = InvocationDriver.CreateLogging(sink);

        // At most once, the step's START is a call of its own, awaited before the body: the SUCCEED needs a second call.
        var atMostOnce = new StepConfig { Semantics = StepSemantics.AtMostOncePerRetry };
        var outcome = await RunAsync(Input(ExecutionOperation()), client, cancellationToken, config: atMostOnce, loggers: services.GetRequiredService<ILoggerFactory>());

        AssertRefusedAsTheServicesFailure(outcome, client, Answer, "CheckpointToken", "no further checkpoint can be sent in this invocation", checkpointsSent: 1);
        var warnings = sink.JsonRecords().Where(record => record.GetProperty("level").GetString() == "WARN").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.BodyRuns, Is.EqualTo(1), "the START was accepted, so the body ran");
            Assert.That(client.Checkpoints.Single().Updates.Single().Action, Is.EqualTo(OperationAction.Start), "the SUCCEED is never sent with a spent token");
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings[0].GetProperty("message").GetString(), Does.Contain("returned no CheckpointToken"));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAnswerWithoutATokenEndsNothingWhenNoFurtherCheckpointIsNeeded(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Answer = (_, _) => new CheckpointResponse { NewExecutionState = new ExecutionStatePage() } };
        var options = new DurableExecutionOptions(client, InvocationDriver.Serializer);

        var output = await DurableExecution.RunAsync<string, string>(
            Input(ExecutionOperation()),
            new LambdaInvocation("request-1"),
            async (payload, context) =>
            {
                await context.WaitAsync(TimeSpan.FromMinutes(5), "cool down");
                return payload!;
            },
            options,
            cancellationToken).WaitAsync(cancellationToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Pending), "the wait's START was accepted: the execution waits");
            Assert.That(client.Checkpoints, Has.Count.EqualTo(1));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAnswerThatPagesWithoutATokenIsRefused(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Answer = (_, _) => new CheckpointResponse { NewExecutionState = Page("answer-2") } };

        var outcome = await RunAsync(Input(ExecutionOperation()), client, cancellationToken);

        AssertRefusedAsTheServicesFailure(outcome, client, Answer, "NewExecutionState.NextMarker", "no CheckpointToken, which reading them requires");
        Assert.That(client.StateReads, Is.Empty);
    }

    private static void AssertRefusedAsTheServicesFailure(
        HostileOutcome outcome, HostileServiceClient client, string answer, string fieldPath, string problem, int checkpointsSent = 1)
    {
        TestContext.Out.WriteLine(outcome.Exception?.Message);
        var actions = client.Checkpoints.SelectMany(request => request.Updates).Select(update => update.Action).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Exception, Is.TypeOf<CheckpointException>());
            Assert.That(outcome.InvalidAnswer?.Answer, Is.EqualTo(answer));
            Assert.That(outcome.InvalidAnswer?.FieldPath, Is.EqualTo(fieldPath));
            Assert.That(outcome.InvalidAnswer?.Message, Does.Contain(problem));
            Assert.That(client.Checkpoints, Has.Count.EqualTo(checkpointsSent));
            Assert.That(actions, Has.No.Member(OperationAction.Retry).And.No.Member(OperationAction.Fail), "no attempt of the step is charged");
        }
    }
}
