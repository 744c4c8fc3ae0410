using DurableLoggingProvider.Execution.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>One operation as the service stores it (spec section 2).</summary>
[TestFixture]
public class OperationWireTests
{
    [Test]
    public void AStepIsWrittenWithTheSpecsKeysAndIntegerTimestamps()
    {
        var operation = new Operation
        {
            Id = SampleInvocationInput.FirstId,
            Type = OperationType.Step,
            Status = OperationStatus.Succeeded,
            Name = "charge",
            SubType = OperationSubTypes.Step,
            StartTimestamp = 1767225600100,
            EndTimestamp = 1767225600350,
            StepDetails = new StepDetails { Attempt = 0, Result = "42" },
        };

        Assert.That(DurableWireFormat.SerializeOperation(operation), Is.EqualTo(WireJson.Compact("""
            {
              "Id": "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b",
              "Type": "STEP",
              "Status": "SUCCEEDED",
              "Name": "charge",
              "SubType": "Step",
              "StartTimestamp": 1767225600100,
              "EndTimestamp": 1767225600350,
              "StepDetails": { "Attempt": 0, "Result": "42" }
            }
            """)));
    }

    [Test]
    public void AnOperationWithOnlyItsRequiredFieldsWritesNoNulls()
    {
        var operation = new Operation { Id = "w", Type = OperationType.Wait, Status = OperationStatus.Started };

        Assert.That(DurableWireFormat.SerializeOperation(operation), Is.EqualTo("""{"Id":"w","Type":"WAIT","Status":"STARTED"}"""));
    }

    [Test]
    public void AResultThatIsJsonTextStaysAString()
    {
        var operation = DurableWireFormat.ParseOperation(
            """{"Id":"c","Type":"CONTEXT","Status":"SUCCEEDED","ContextDetails":{"Result":"[1,{\"a\":null}]","ReplayChildren":true}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(operation.ContextDetails!.Result, Is.EqualTo("[1,{\"a\":null}]"));
            Assert.That(operation.ContextDetails.ReplayChildren, Is.True);
        }
    }

    [TestCase("""{"Id":"e","Type":"EXECUTION","Status":"STARTED","ExecutionDetails":{"InputPayload":"{}"}}""")]
    [TestCase("""{"Id":"c","Type":"CONTEXT","Status":"FAILED","ParentId":"p","SubType":"Map","ContextDetails":{"Error":{"ErrorMessage":"m","StackTrace":[]}}}""")]
    [TestCase("""{"Id":"s","Type":"STEP","Status":"READY","SubType":"WaitForCondition","StepDetails":{"Attempt":3,"Result":"{\"polls\":3}"}}""")]
    [TestCase("""{"Id":"w","Type":"WAIT","Status":"CANCELLED","SubType":"Wait","EndTimestamp":1767225600000,"WaitDetails":{"ScheduledEndTimestamp":1767225900000}}""")]
    [TestCase("""{"Id":"b","Type":"CALLBACK","Status":"TIMED_OUT","SubType":"Callback","CallbackDetails":{"CallbackId":"cb-1","Error":{"ErrorType":"Callback.Timeout","StackTrace":[]}}}""")]
    [TestCase("""{"Id":"i","Type":"CHAINED_INVOKE","Status":"STOPPED","SubType":"ChainedInvoke","ChainedInvokeDetails":{"Result":"null"}}""")]
    public void EachTypeOfOperationReadsAndWritesBackUnchanged(string json)
    {
        var operation = DurableWireFormat.ParseOperation(json);

        Assert.That(DurableWireFormat.SerializeOperation(operation), Is.EqualTo(json));
    }
}
