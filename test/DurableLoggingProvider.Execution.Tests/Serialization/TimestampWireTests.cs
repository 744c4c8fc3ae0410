using System.Collections.Generic;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Support.InputRejection;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>
/// An operation's timestamps (durable-wire-format.md, section 1): integer milliseconds since the Unix
/// epoch, as the service sends them, or ISO 8601 strings, as AWS's local test runner sends them (its
/// operations hold JavaScript <c>Date</c>s); anything else is a <see cref="DurableExecutionInputException"/>
/// naming the field. They are always written as milliseconds.
/// </summary>
[TestFixture]
public class TimestampWireTests
{
    // 2026-01-01T00:00:00Z.
    private const long NewYear = 1_767_225_600_000;

    [TestCase("StartTimestamp")]
    [TestCase("EndTimestamp")]
    public void AnOperationsTimestampIsReadFromMillisecondsOrAnIsoString(string field)
    {
        var fromMilliseconds = Parse($$"""{"Id":"w","Type":"WAIT","Status":"STARTED","{{field}}":1767225600123}""");
        var fromIso = Parse($$"""{"Id":"w","Type":"WAIT","Status":"STARTED","{{field}}":"2026-01-01T00:00:00.123Z"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(field == "StartTimestamp" ? fromMilliseconds.StartTimestamp : fromMilliseconds.EndTimestamp, Is.EqualTo(NewYear + 123));
            Assert.That(field == "StartTimestamp" ? fromIso.StartTimestamp : fromIso.EndTimestamp, Is.EqualTo(NewYear + 123));
        }
    }

    [Test]
    public void ADetailsTimestampIsReadFromEitherFormToo()
    {
        var step = Parse("""{"Id":"s","Type":"STEP","Status":"PENDING","StepDetails":{"Attempt":1,"NextAttemptTimestamp":"2026-01-01T00:00:05Z"}}""");
        var wait = Parse("""{"Id":"w","Type":"WAIT","Status":"STARTED","WaitDetails":{"ScheduledEndTimestamp":1767225660000}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(step.StepDetails?.NextAttemptTimestamp, Is.EqualTo(NewYear + 5_000));
            Assert.That(wait.WaitDetails?.ScheduledEndTimestamp, Is.EqualTo(NewYear + 60_000));
        }
    }

    [TestCase("2026-01-01T02:00:00+02:00")]
    [TestCase("2026-01-01T00:00:00Z")]
    [TestCase("2026-01-01T00:00:00.000Z")]
    [TestCase("2025-12-31T19:00:00-05:00")]
    public void AnIsoStringWithAnyOffsetIsTheSameInstant(string iso)
    {
        var operation = Parse($$$"""{"Id":"w","Type":"WAIT","Status":"STARTED","WaitDetails":{"ScheduledEndTimestamp":"{{{iso}}}"}}""");

        Assert.That(operation.WaitDetails?.ScheduledEndTimestamp, Is.EqualTo(NewYear));
    }

    [Test]
    public void AnIsoTimestampIsWrittenBackAsMilliseconds()
    {
        var operation = Parse("""{"Id":"w","Type":"WAIT","Status":"STARTED","StartTimestamp":"2026-01-01T00:00:00.5Z"}""");

        Assert.That(DurableWireFormat.SerializeOperation(operation), Is.EqualTo("""{"Id":"w","Type":"WAIT","Status":"STARTED","StartTimestamp":1767225600500}"""));
    }

    [TestCase("\"2026-01-01T00:00:00\"", "found \"2026-01-01T00:00:00\".")]
    [TestCase("\"2026-01-01\"", "found \"2026-01-01\".")]
    [TestCase("\"yesterday\"", "found \"yesterday\".")]
    [TestCase("\"1767225600000\"", "found \"1767225600000\".")]
    [TestCase("\"\"", "found \"\".")]
    [TestCase("1767225600000.5", "found the number 1767225600000.5.")]
    [TestCase("1e30", "found the number 1e30.")]
    [TestCase("253402300800000", "found the number 253402300800000.")]
    [TestCase("true", "found true.")]
    [TestCase("{}", "found an object.")]
    [TestCase("[1767225600000]", "found an array.")]
    public void AnythingElseIsRefusedNamingTheFieldAndSayingWhatATimestampMayBe(string value, string found)
    {
        var json = InputWith($$$"""{"Id":"s","Type":"STEP","Status":"PENDING","StepDetails":{"NextAttemptTimestamp":{{{value}}}}}""");

        var exception = Of(json);

        AssertNames(exception, "InitialExecutionState.Operations[1].StepDetails.NextAttemptTimestamp", found);
        Assert.That(exception.Message, Does.Contain("expected a timestamp: integer milliseconds since the Unix epoch"));
    }

    [Test]
    public void ACheckpointAnswerMayCarryIsoTimestampsToo()
    {
        var response = DurableWireFormat.ParseCheckpointResponse(
            """{"CheckpointToken":"t","NewExecutionState":{"Operations":[{"Id":"w","Type":"WAIT","Status":"STARTED","StartTimestamp":"2026-01-01T00:00:00Z","WaitDetails":{"ScheduledEndTimestamp":"2026-01-01T00:01:00Z"}}]}}""");

        var wait = response.NewExecutionState!.Operations[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(wait.StartTimestamp, Is.EqualTo(NewYear));
            Assert.That(wait.WaitDetails?.ScheduledEndTimestamp, Is.EqualTo(NewYear + 60_000));
        }
    }

    [Test]
    public void AnOutOfRangeTimestampBuiltInCodeIsRefusedByTheEngine()
    {
        var input = new DurableExecutionInvocationInput
        {
            DurableExecutionArn = InvocationDriver.DefaultExecutionArn,
            InitialExecutionState = new ExecutionStatePage
            {
                Operations = [new Operation { Id = "e", Type = OperationType.Execution, Status = OperationStatus.Started, EndTimestamp = long.MaxValue }],
            },
        };

        var exception = Assert.ThrowsAsync<DurableExecutionInputException>(() => DurableExecution.RunAsync<string, string>(
            input, new LambdaInvocation("request-1"), (_, _) => Task.FromResult("ran"), new DurableExecutionOptions(new FixedStatePages(new Dictionary<string, ExecutionStatePage>()), InvocationDriver.Serializer)));

        Assert.That(exception?.FieldPath, Is.EqualTo("InitialExecutionState.Operations[0].EndTimestamp"));
    }

    private static Operation Parse(string operationJson) =>
        DurableWireFormat.ParseInvocationInput(InputWith(operationJson)).InitialExecutionState!.Operations[1];

    private static string InputWith(string operationJson) =>
        $$$"""{"DurableExecutionArn":"{{{InvocationDriver.DefaultExecutionArn}}}","CheckpointToken":"t","InitialExecutionState":{"Operations":[{"Id":"execution","Type":"EXECUTION","Status":"STARTED","ExecutionDetails":{"InputPayload":"{}"}},{{{operationJson}}}]}}""";
}
