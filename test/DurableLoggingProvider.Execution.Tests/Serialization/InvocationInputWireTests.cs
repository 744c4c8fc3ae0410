using System.Linq;
using System.Text;
using DurableLoggingProvider.Execution.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Support.SampleInvocationInput;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>
/// The event a durable handler receives (spec section 1) reads into the model field by field and
/// writes back as the same JSON: PascalCase keys, upper snake case enums, epoch-millisecond integers,
/// payloads and results as JSON text inside strings.
/// </summary>
[TestFixture]
public class InvocationInputWireTests
{
    [Test]
    public void EveryFieldOfAFullInputIsRead()
    {
        var input = DurableWireFormat.ParseInvocationInput(Full);

        var operations = input.InitialExecutionState!.Operations;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(input.DurableExecutionArn, Is.EqualTo(Arn));
            Assert.That(input.CheckpointToken, Is.EqualTo("token-7"));
            Assert.That(input.InitialExecutionState.NextMarker, Is.EqualTo("page-2"));
            Assert.That(input.UpdatedOperationIds, Is.EqualTo(new[] { SecondId }));
            Assert.That(operations.Select(o => o.Type), Is.EqualTo(new[]
            {
                OperationType.Execution, OperationType.Step, OperationType.Wait, OperationType.Context,
                OperationType.Step, OperationType.Callback, OperationType.ChainedInvoke,
            }));
            Assert.That(operations.Select(o => o.Status), Is.EqualTo(new[]
            {
                OperationStatus.Started, OperationStatus.Succeeded, OperationStatus.Succeeded, OperationStatus.Succeeded,
                OperationStatus.Pending, OperationStatus.Started, OperationStatus.TimedOut,
            }));
        }
    }

    [Test]
    public void TheExecutionInputPayloadStaysJsonText()
    {
        var input = DurableWireFormat.ParseInvocationInput(Full);

        var execution = input.InitialExecutionState!.Operations[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(execution.Id, Is.EqualTo(ExecutionId));
            Assert.That(execution.ExecutionDetails!.InputPayload, Is.EqualTo("{\"orderId\":42}"));
        }
    }

    [Test]
    public void TimestampsAreEpochMilliseconds()
    {
        var input = DurableWireFormat.ParseInvocationInput(Full);

        var operations = input.InitialExecutionState!.Operations;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(operations[1].StartTimestamp, Is.EqualTo(1767225600100L));
            Assert.That(operations[1].EndTimestamp, Is.EqualTo(1767225600350L));
            Assert.That(operations[2].WaitDetails!.ScheduledEndTimestamp, Is.EqualTo(1767225660400L));
            Assert.That(operations[4].StepDetails!.NextAttemptTimestamp, Is.EqualTo(1767225670600L));
        }
    }

    [Test]
    public void TheDetailsOfEachTypeAreRead()
    {
        var operations = DurableWireFormat.ParseInvocationInput(Full).InitialExecutionState!.Operations;

        var retrying = operations[4];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(operations[1].StepDetails!.Result, Is.EqualTo("{\"charged\":true,\"amount\":12.5}"));
            Assert.That(operations[3].ContextDetails!.Result, Is.EqualTo("\"shipped\""));
            Assert.That(operations[3].ContextDetails!.ReplayChildren, Is.False);
            Assert.That(retrying.ParentId, Is.EqualTo(ThirdId));
            Assert.That(retrying.StepDetails!.Attempt, Is.EqualTo(2));
            Assert.That(retrying.StepDetails.Error!.ErrorType, Is.EqualTo("System.TimeoutException"));
            Assert.That(retrying.StepDetails.Error.ErrorData, Is.EqualTo("{\"retryAfter\":10}"));
            Assert.That(retrying.StepDetails.Error.StackTrace, Is.EqualTo(new[] { "at Courier.Book()", "at Workflow.Ship()" }));
            Assert.That(operations[5].CallbackDetails!.CallbackId, Is.EqualTo("cb-3f1e"));
            Assert.That(operations[6].ChainedInvokeDetails!.Error!.ErrorMessage, Is.EqualTo("Timed out"));
        }
    }

    [Test]
    public void AFullInputIsWrittenBackAsTheSameJson()
    {
        var input = DurableWireFormat.ParseInvocationInput(Full);

        Assert.That(DurableWireFormat.SerializeInvocationInput(input), Is.EqualTo(WireJson.Compact(Full)));
    }

    [Test]
    public void TheUtf8OverloadReadsWhatTheStringOverloadReads()
    {
        var fromBytes = DurableWireFormat.ParseInvocationInput(Encoding.UTF8.GetBytes(Full));

        Assert.That(DurableWireFormat.SerializeInvocationInput(fromBytes), Is.EqualTo(WireJson.Compact(Full)));
    }

    [Test]
    public void OnlyTheArnAndTheExecutionOperationAreNeeded()
    {
        var json = $$$"""{"DurableExecutionArn":"{{{Arn}}}","InitialExecutionState":{"Operations":[{"Id":"e","Type":"EXECUTION","Status":"STARTED"}]}}""";

        var input = DurableWireFormat.ParseInvocationInput(json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(input.CheckpointToken, Is.Null);
            Assert.That(input.InitialExecutionState!.NextMarker, Is.Null);
            Assert.That(input.InitialExecutionState.Operations.Single().ExecutionDetails, Is.Null);
        }
    }

    [Test]
    public void FieldsTheModelDoesNotKnowAreIgnored()
    {
        // The service may add fields; an SDK that rejected them would break on the day it did.
        var json = $$$"""{"DurableExecutionArn":"{{{Arn}}}","Future":{"x":[1,2]},"InitialExecutionState":{"Operations":[{"Id":"e","Type":"EXECUTION","Status":"STARTED","Extra":true}]}}""";

        var input = DurableWireFormat.ParseInvocationInput(json);

        Assert.That(input.InitialExecutionState!.Operations.Single().Id, Is.EqualTo("e"));
    }

    [Test]
    public void NullsAreOmittedWhenWriting()
    {
        var input = new DurableExecutionInvocationInput
        {
            DurableExecutionArn = Arn,
            InitialExecutionState = new ExecutionStatePage
            {
                Operations = [new Operation { Id = "e", Type = OperationType.Execution, Status = OperationStatus.Started }],
            },
            UpdatedOperationIds = null,
        };

        Assert.That(
            DurableWireFormat.SerializeInvocationInput(input),
            Is.EqualTo($$$"""{"DurableExecutionArn":"{{{Arn}}}","InitialExecutionState":{"Operations":[{"Id":"e","Type":"EXECUTION","Status":"STARTED"}]}}"""));
    }
}
