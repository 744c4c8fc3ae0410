using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Reliability.HostileRun;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// A stored <c>StepDetails.Attempt</c> out of range (durable-wire-format.md, section 2: the failed attempts so
/// far). It used to become attempt <c>Attempt + 1</c>, an <see cref="System.ArgumentOutOfRangeException"/>
/// (attempts are numbered from 1) that the step charged to the user's code as a failed attempt. It is now
/// refused where it enters, as the input's or the service's fault: 0 to
/// <see cref="OperationRules.MaxStepAttempt"/> is taken in.
/// </summary>
[TestFixture]
public class HostileAttemptTests
{
    private const string Problem = "is out of range: Attempt counts a step's failed attempts, from 0 to 31622400";

    [TestCase(int.MaxValue, OperationStatus.Ready)]
    [TestCase(-5, OperationStatus.Ready)]
    [TestCase(int.MaxValue, OperationStatus.Started)]
    [TestCase(-1, OperationStatus.Succeeded)]
    [CancelAfter(10_000)]
    public async Task AnAttemptOutOfRangeInTheInputIsRefusedBeforeTheWorkflowRuns(int attempt, OperationStatus status, CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient();

        var outcome = await RunAsync(Input(ExecutionOperation(), Charge(status, attempt)), client, cancellationToken);

        var invalid = outcome.Exception as DurableExecutionInputException;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Exception, Is.TypeOf<DurableExecutionInputException>());
            Assert.That(invalid?.FieldPath, Is.EqualTo("InitialExecutionState.Operations[1].StepDetails.Attempt"));
            Assert.That(invalid?.Message, Does.Contain($"{attempt} {Problem}"));
            Assert.That(outcome.HandlerRuns, Is.Zero);
            Assert.That(outcome.BodyRuns, Is.Zero);
            Assert.That(client.Checkpoints, Is.Empty, "no attempt is checkpointed as failed");
        }
    }

    [TestCase(int.MaxValue)]
    [TestCase(-5)]
    public void AnAttemptOutOfRangeIsRefusedByTheParserNamingTheField(int attempt)
    {
        var json = $$$"""
            {"DurableExecutionArn":"{{{InvocationDriver.DefaultExecutionArn}}}","CheckpointToken":"t","InitialExecutionState":{"Operations":[
              {"Id":"execution","Type":"EXECUTION","Status":"STARTED","ExecutionDetails":{"InputPayload":"{}"}},
              {"Id":"s","Type":"STEP","SubType":"Step","Status":"READY","StepDetails":{"Attempt":{{{attempt}}}}}]}}
            """;

        var invalid = Assert.Throws<DurableExecutionInputException>(() => DurableWireFormat.ParseInvocationInput(json));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid?.FieldPath, Is.EqualTo("InitialExecutionState.Operations[1].StepDetails.Attempt"));
            Assert.That(invalid?.Message, Does.Contain($"{attempt} {Problem}"));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAttemptOutOfRangeOnALaterPageIsTheServicesFailure(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => Page(null, Charge(OperationStatus.Ready, -5)) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Exception, Is.TypeOf<CheckpointException>());
            Assert.That(outcome.InvalidAnswer?.FieldPath, Is.EqualTo("Operations[0].StepDetails.Attempt"));
            Assert.That(outcome.InvalidAnswer?.Message, Does.Contain($"-5 {Problem}"));
            Assert.That(outcome.HandlerRuns, Is.Zero);
            Assert.That(client.Checkpoints, Is.Empty);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnAttemptOutOfRangeInACheckpointAnswerIsNeverChargedToTheStep(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient
        {
            Answer = (_, _) => new CheckpointResponse { CheckpointToken = "t-1", NewExecutionState = Page(null, Charge(OperationStatus.Started, int.MaxValue)) },
        };

        // At most once, the START's answer is merged before the body may run (at least once, the START goes with the outcome).
        var outcome = await RunAsync(Input(ExecutionOperation()), client, cancellationToken, config: new StepConfig { Semantics = StepSemantics.AtMostOncePerRetry });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Exception, Is.TypeOf<CheckpointException>());
            Assert.That(outcome.InvalidAnswer?.FieldPath, Is.EqualTo("NewExecutionState.Operations[0].StepDetails.Attempt"));
            Assert.That(outcome.BodyRuns, Is.Zero);
            Assert.That(client.Checkpoints.SelectMany(request => request.Updates).Select(update => update.Action), Is.EqualTo(new[] { OperationAction.Start }));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task TheLargestAttemptTakenInRunsAsTheNextAttempt(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient();
        int? attemptSeen = null;
        var options = new DurableExecutionOptions(client, InvocationDriver.Serializer);

        var output = await DurableExecution.RunAsync<string, int>(
            Input(ExecutionOperation(), Charge(OperationStatus.Ready, OperationRules.MaxStepAttempt)),
            new LambdaInvocation("request-1"),
            (_, context) => context.StepAsync(step => Task.FromResult((attemptSeen = step.AttemptNumber).Value), "charge"),
            options,
            cancellationToken).WaitAsync(cancellationToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(attemptSeen, Is.EqualTo(31_622_401));
        }
    }
}
