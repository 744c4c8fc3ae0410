using System.Linq;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Support.InputRejection;
using static DurableLoggingProvider.Execution.Tests.Support.SampleInvocationInput;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>
/// The operations of the first page must make sense: exactly one EXECUTION operation, known enum
/// strings, ids present, unique and at most 64 characters, sub-types that belong to their type.
/// </summary>
[TestFixture]
public class InvalidExecutionStateTests
{
    [Test]
    public void AnExecutionStateWithoutAnExecutionOperationIsRejected() =>
        AssertRejected(
            WithOperations(Step(FirstId)),
            "InitialExecutionState.Operations",
            "no operation of Type EXECUTION on the first page; every invocation carries one, whose ExecutionDetails.InputPayload is the execution's input.");

    [Test]
    public void AnEmptyExecutionStateIsRejected() =>
        AssertRejected(
            $$$"""{"DurableExecutionArn":"{{{Arn}}}","InitialExecutionState":{}}""",
            "InitialExecutionState.Operations",
            "no operation of Type EXECUTION");

    [Test]
    public void ASecondExecutionOperationIsRejected() =>
        AssertRejected(
            WithOperations(ExecutionOperation, Step(FirstId), """{"Id":"again","Type":"EXECUTION","Status":"STARTED"}"""),
            "InitialExecutionState.Operations[2].Type",
            "a second operation of Type EXECUTION (the first is InitialExecutionState.Operations[0]); an execution has exactly one.");

    [TestCase("DONE")]
    [TestCase("started")]
    [TestCase("TimedOut")]
    [TestCase("TIMED OUT")]
    public void AnUnknownStatusIsRejectedListingTheKnownOnes(string status) =>
        AssertRejected(
            WithOperations(ExecutionOperation, Step(FirstId, status)),
            "InitialExecutionState.Operations[1].Status",
            $"expected one of STARTED, PENDING, READY, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, STOPPED (OperationStatus strings are case-sensitive), found \"{status}\".");

    [Test]
    public void AnUnknownTypeIsRejectedListingTheKnownOnes() =>
        AssertRejected(
            WithOperations(ExecutionOperation, """{"Id":"x","Type":"TIMER","Status":"STARTED"}"""),
            "InitialExecutionState.Operations[1].Type",
            "expected one of EXECUTION, CONTEXT, STEP, WAIT, CALLBACK, CHAINED_INVOKE (OperationType strings are case-sensitive), found \"TIMER\".");

    [TestCase("3", "found the number 3.")]
    [TestCase("null", "found null.")]
    public void AStatusThatIsNotAStringIsRejected(string status, string found) =>
        AssertRejected(
            WithOperations(ExecutionOperation, $$$"""{"Id":"x","Type":"STEP","Status":{{{status}}}}"""),
            "InitialExecutionState.Operations[1].Status",
            found);

    [TestCase("""{"Type":"STEP","Status":"STARTED"}""", "Id")]
    [TestCase("""{"Id":"x","Status":"STARTED"}""", "Type")]
    [TestCase("""{"Id":"x","Type":"STEP"}""", "Status")]
    public void AnOperationWithoutIdTypeOrStatusIsRejected(string operation, string field) =>
        AssertRejected(
            WithOperations(ExecutionOperation, operation),
            "InitialExecutionState.Operations[1]." + field,
            "required but missing (Operation requires Id, Type, Status; names are case-sensitive).");

    [TestCase("\"\"", "expected a non-empty string, found \"\".")]
    [TestCase("null", "expected a non-empty string, found null.")]
    public void AnEmptyIdIsRejected(string id, string problem) =>
        AssertRejected(
            WithOperations(ExecutionOperation, $$$"""{"Id":{{{id}}},"Type":"STEP","Status":"STARTED"}"""),
            "InitialExecutionState.Operations[1].Id",
            problem);

    [Test]
    public void AnIdOfSixtyFiveCharactersIsRejected()
    {
        var id = FirstId + "a";

        AssertRejected(
            WithOperations(ExecutionOperation, Step(id)),
            "InitialExecutionState.Operations[1].Id",
            $"\"{id}\" is 65 characters long; an operation id has at most 64.");
    }

    [Test]
    public void AnIdOfSixtyFourCharactersIsAccepted()
    {
        var input = DurableWireFormat.ParseInvocationInput(WithOperations(ExecutionOperation, Step(FirstId)));

        Assert.That(input.InitialExecutionState!.Operations[1].Id, Has.Length.EqualTo(64));
    }

    [Test]
    public void ADuplicateIdIsRejectedNamingBothOperations() =>
        AssertRejected(
            WithOperations(ExecutionOperation, Step(FirstId), Step(SecondId), Step(FirstId, "STARTED")),
            "InitialExecutionState.Operations[3].Id",
            $"duplicate operation id \"{FirstId}\", already the id of InitialExecutionState.Operations[1].");

    [TestCase("STEP", "Wait", "WAIT")]
    [TestCase("WAIT", "Step", "STEP")]
    [TestCase("CONTEXT", "Callback", "CALLBACK")]
    [TestCase("CALLBACK", "WaitForCallback", "CONTEXT")]
    [TestCase("CHAINED_INVOKE", "Map", "CONTEXT")]
    [TestCase("EXECUTION", "Step", "STEP")]
    public void ASubTypeOfAnotherTypeIsRejected(string type, string subType, string owner)
    {
        var operation = $$$"""{"Id":"x","Type":"{{{type}}}","Status":"STARTED","SubType":"{{{subType}}}"}""";
        var operations = type == "EXECUTION" ? new[] { operation } : new[] { ExecutionOperation, operation };

        AssertRejected(
            WithOperations(operations),
            $"InitialExecutionState.Operations[{operations.Length - 1}].SubType",
            $"sub-type \"{subType}\" belongs to operations of Type {owner}, but this operation's Type is {type}.");
    }

    [TestCase("Timer")]
    [TestCase("step")]
    [TestCase("")]
    public void AnUnknownSubTypeIsRejectedListingTheKnownOnes(string subType) =>
        AssertRejected(
            WithOperations(ExecutionOperation, $$$"""{"Id":"x","Type":"STEP","Status":"STARTED","SubType":"{{{subType}}}"}"""),
            "InitialExecutionState.Operations[1].SubType",
            $"\"{subType}\" is not a known sub-type; expected one of Step, WaitForCondition, Wait, Callback, ChainedInvoke, "
            + "RunInChildContext, Map, MapIteration, Parallel, ParallelBranch, WaitForCallback (case-sensitive).");

    [TestCase("STEP", "Step")]
    [TestCase("STEP", "WaitForCondition")]
    [TestCase("WAIT", "Wait")]
    [TestCase("CALLBACK", "Callback")]
    [TestCase("CHAINED_INVOKE", "ChainedInvoke")]
    [TestCase("CONTEXT", "RunInChildContext")]
    [TestCase("CONTEXT", "Map")]
    [TestCase("CONTEXT", "MapIteration")]
    [TestCase("CONTEXT", "Parallel")]
    [TestCase("CONTEXT", "ParallelBranch")]
    [TestCase("CONTEXT", "WaitForCallback")]
    public void EverySubTypeOfTheSpecIsAcceptedOnItsType(string type, string subType)
    {
        var input = DurableWireFormat.ParseInvocationInput(
            WithOperations(ExecutionOperation, $$$"""{"Id":"x","Type":"{{{type}}}","Status":"STARTED","SubType":"{{{subType}}}"}"""));

        Assert.That(input.InitialExecutionState!.Operations.Last().SubType, Is.EqualTo(subType));
    }
}
