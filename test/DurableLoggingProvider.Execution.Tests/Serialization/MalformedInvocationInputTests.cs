using System;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Support.InputRejection;
using static DurableLoggingProvider.Execution.Tests.Support.SampleInvocationInput;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>
/// Input that is not the event's JSON shape is a <see cref="DurableExecutionInputException"/> naming
/// the field and the problem: broken JSON, another JSON value than an object, missing or mistyped
/// fields. Never a bare JsonException, a NullReferenceException or an InvalidCastException.
/// </summary>
[TestFixture]
public class MalformedInvocationInputTests
{
    [Test]
    public void TruncatedJsonNamesTheFieldWhereItBrokeOff()
    {
        var json = Full[..Full.IndexOf("\"Status\": \"PENDING\"", StringComparison.Ordinal)];

        var exception = Of(json);

        AssertNames(exception, "InitialExecutionState.Operations[4]", "the JSON is malformed or truncated at line ");
        Assert.That(exception.InnerException, Is.InstanceOf<JsonException>());
    }

    [TestCase("", "$")]
    [TestCase("   ", "$")]
    [TestCase("{", "$")]
    [TestCase("{\"DurableExecutionArn\":", "DurableExecutionArn")]
    [TestCase("not json", "$")]
    [TestCase("{} {}", "$")]
    public void TextThatIsNotJsonIsMalformed(string json, string fieldPath) =>
        AssertRejected(json, fieldPath, "the JSON is malformed or truncated at line 1, byte ");

    [Test]
    public void CommentsAndTrailingCommasAreNotJson()
    {
        AssertRejected(WithOperations(ExecutionOperation).Replace("{\"Durable", "{/* c */\"Durable", StringComparison.Ordinal), "$", "malformed");
        AssertRejected(WithOperations(ExecutionOperation + ","), "InitialExecutionState.Operations[1]", "malformed");
    }

    [TestCase("[]", "an array")]
    [TestCase("42", "the number 42")]
    [TestCase("\"text\"", "\"text\"")]
    [TestCase("true", "true")]
    [TestCase("null", "null")]
    public void AnythingButAnObjectIsRejectedAtTheRoot(string json, string found) =>
        AssertRejected(json, "$", $"expected an object, found {found}.");

    [Test]
    public void AMissingArnIsNamed() =>
        AssertRejected(
            $$$"""{"InitialExecutionState":{"Operations":[{{{ExecutionOperation}}}]}}""",
            "DurableExecutionArn",
            "required but missing (DurableExecutionInvocationInput requires DurableExecutionArn; names are case-sensitive).");

    [Test]
    public void FieldNamesAreCaseSensitive() =>
        AssertRejected(
            $$$"""{"durableExecutionArn":"{{{Arn}}}","InitialExecutionState":{"Operations":[{{{ExecutionOperation}}}]}}""",
            "DurableExecutionArn",
            "required but missing");

    [TestCase("42", "expected a string, found the number 42.")]
    [TestCase("{}", "expected a string, found an object.")]
    [TestCase("[\"arn\"]", "expected a string, found an array.")]
    [TestCase("null", "expected a non-empty string, found null.")]
    [TestCase("\"\"", "expected a non-empty string, found \"\".")]
    public void AnArnThatIsNotANonEmptyStringIsRejected(string arn, string problem) =>
        AssertRejected(WithArnValue(arn), "DurableExecutionArn", problem);

    [Test]
    public void AMissingExecutionStateIsRejectedBecauseEveryInvocationCarriesOne() =>
        AssertRejected(
            $$$"""{"DurableExecutionArn":"{{{Arn}}}","CheckpointToken":"t"}""",
            "InitialExecutionState",
            "missing; every invocation carries the execution state, with its operation of Type EXECUTION.");

    [Test]
    public void AnExecutionStateThatIsNotAnObjectIsRejected() =>
        AssertRejected($$$"""{"DurableExecutionArn":"{{{Arn}}}","InitialExecutionState":[]}""", "InitialExecutionState", "expected an object, found an array.");

    [Test]
    public void OperationsThatAreNotAnArrayAreRejected() =>
        AssertRejected($$$$"""{"DurableExecutionArn":"{{{{Arn}}}}","InitialExecutionState":{"Operations":{}}}""", "InitialExecutionState.Operations", "expected an array, found an object.");

    [Test]
    public void NullOperationsAreRejected() =>
        AssertRejected($$$"""{"DurableExecutionArn":"{{{Arn}}}","InitialExecutionState":{"Operations":null}}""", "InitialExecutionState.Operations", "expected an array of operations, found null.");

    [Test]
    public void ANullOperationIsRejected() =>
        AssertRejected(WithOperations(ExecutionOperation, "null"), "InitialExecutionState.Operations[1]", "expected an Operation object, found null.");

    [TestCase("""{"Id":"s","Type":"STEP","Status":"STARTED","StartTimestamp":"1767225600000"}""", "StartTimestamp", "or an ISO 8601 date and time with its offset such as \"2026-01-01T00:00:00.000Z\", found \"1767225600000\".")]
    [TestCase("""{"Id":"s","Type":"STEP","Status":"STARTED","EndTimestamp":1.5}""", "EndTimestamp", "found the number 1.5.")]
    [TestCase("""{"Id":"s","Type":"STEP","Status":"STARTED","StepDetails":{"Attempt":3000000000}}""", "StepDetails.Attempt", "expected an integer from -2147483648 to 2147483647, found the number 3000000000.")]
    [TestCase("""{"Id":"s","Type":"STEP","Status":"STARTED","StepDetails":{"Result":{"charged":true}}}""", "StepDetails.Result", "expected a string, found an object.")]
    [TestCase("""{"Id":"s","Type":"STEP","Status":"STARTED","StepDetails":[]}""", "StepDetails", "expected an object, found an array.")]
    [TestCase("""{"Id":"c","Type":"CONTEXT","Status":"STARTED","ContextDetails":{"ReplayChildren":"yes"}}""", "ContextDetails.ReplayChildren", "expected true or false, found \"yes\".")]
    [TestCase("""{"Id":"s","Type":"STEP","Status":"FAILED","StepDetails":{"Error":{"StackTrace":"at X"}}}""", "StepDetails.Error.StackTrace", "expected an array, found \"at X\".")]
    [TestCase("""{"Id":"s","Type":"STEP","Status":"FAILED","StepDetails":{"Error":{"StackTrace":["a",7]}}}""", "StepDetails.Error.StackTrace[1]", "expected a string, found the number 7.")]
    [TestCase("""{"Id":7,"Type":"STEP","Status":"STARTED"}""", "Id", "expected a string, found the number 7.")]
    [TestCase("""{"Id":"s","Type":"STEP","Status":"STARTED","Name":false}""", "Name", "expected a string, found false.")]
    public void AValueOfTheWrongJsonTypeNamesTheFieldAndWhatWasFound(string operation, string field, string problem) =>
        AssertRejected(WithOperations(ExecutionOperation, operation), "InitialExecutionState.Operations[1]." + field, problem);

    [Test]
    public void OfARepeatedFieldTheValueThatFailedIsNamed() =>
        AssertRejected(
            WithOperations(ExecutionOperation, """{"Id":"s","Type":"STEP","Status":"STARTED","Id":7}"""),
            "InitialExecutionState.Operations[1].Id",
            "expected a string, found the number 7.");

    [Test]
    public void AnInputPayloadMustBeJsonTextNotNestedJson() =>
        AssertRejected(
            WithOperations("""{"Id":"e","Type":"EXECUTION","Status":"STARTED","ExecutionDetails":{"InputPayload":{"orderId":42}}}"""),
            "InitialExecutionState.Operations[0].ExecutionDetails.InputPayload",
            "expected a string, found an object.");

    [TestCase("\"d4735e\"", "UpdatedOperationIds", "expected an array, found \"d4735e\".")]
    [TestCase("[\"a\",1]", "UpdatedOperationIds[1]", "expected a string, found the number 1.")]
    [TestCase("[\"a\",[]]", "UpdatedOperationIds[1]", "expected a string, found an array.")]
    [TestCase("[\"a\",null]", "UpdatedOperationIds[1]", "expected a string, found null.")]
    public void UpdatedOperationIdsMustBeAnArrayOfStrings(string ids, string field, string problem) =>
        AssertRejected(
            $$$"""{"DurableExecutionArn":"{{{Arn}}}","InitialExecutionState":{"Operations":[{{{ExecutionOperation}}}]},"UpdatedOperationIds":{{{ids}}}}""",
            field,
            problem);

    [Test]
    public void TextWithALoneSurrogateIsRejected() =>
        AssertRejected(WithOperations(ExecutionOperation).Replace("token-1", "token-\ud800", StringComparison.Ordinal), "$", "not valid UTF-16");

    [Test]
    public void InvalidUtf8IsRejectedAtItsField()
    {
        var bytes = Encoding.UTF8.GetBytes(WithOperations(ExecutionOperation).Replace("token-1", "token-#", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;

        AssertNames(Of(bytes), "CheckpointToken", "expected a string, found a string that is not valid Unicode text.");
    }

    [Test]
    public void AnEscapedLoneSurrogateIsRejectedAtItsField() =>
        AssertRejected(
            WithOperations(ExecutionOperation).Replace("token-1", "token-\\ud800", StringComparison.Ordinal),
            "CheckpointToken",
            "found a string that is not valid Unicode text.");

    [Test]
    public void TheExactMessageSaysWhereAndWhat()
    {
        var exception = Of(WithOperations(ExecutionOperation, Step("s", "DONE")));

        Assert.That(exception.Message, Is.EqualTo(
            "Invalid durable execution input at InitialExecutionState.Operations[1].Status: expected one of STARTED, PENDING, READY, "
            + "SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, STOPPED (OperationStatus strings are case-sensitive), found \"DONE\"."));
    }
}
