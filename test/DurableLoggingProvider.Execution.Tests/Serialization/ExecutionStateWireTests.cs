using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Support.SampleInvocationInput;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary><c>GetDurableExecutionState</c> and the pages it returns (spec section 1).</summary>
[TestFixture]
public class ExecutionStateWireTests
{
    [Test]
    public void ARequestIsArnTokenMarkerAndMaxItems()
    {
        var request = new ExecutionStateRequest { DurableExecutionArn = Arn, CheckpointToken = "token-7", Marker = "page-2", MaxItems = 100 };

        var json = DurableWireFormat.SerializeExecutionStateRequest(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json, Is.EqualTo($$$"""{"DurableExecutionArn":"{{{Arn}}}","CheckpointToken":"token-7","Marker":"page-2","MaxItems":100}"""));
            Assert.That(DurableWireFormat.SerializeExecutionStateRequest(DurableWireFormat.ParseExecutionStateRequest(json)), Is.EqualTo(json));
        }
    }

    [Test]
    public void APageIsOperationsAndNextMarker()
    {
        const string Json = """{"Operations":[{"Id":"s","Type":"STEP","Status":"STARTED","SubType":"Step","StepDetails":{"Attempt":0}}],"NextMarker":"page-3"}""";

        var page = DurableWireFormat.ParseExecutionStatePage(Json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Operations[0].StepDetails!.Attempt, Is.Zero);
            Assert.That(page.NextMarker, Is.EqualTo("page-3"));
            Assert.That(DurableWireFormat.SerializeExecutionStatePage(page), Is.EqualTo(Json));
        }
    }
}
