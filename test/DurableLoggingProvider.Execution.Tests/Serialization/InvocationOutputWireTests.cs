using DurableLoggingProvider.Execution.Tests.Support;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>What a durable handler returns (spec section 3): the three shapes, exactly.</summary>
[TestFixture]
public class InvocationOutputWireTests
{
    [Test]
    public void ASucceededOutputIsItsStatusAndItsResultAsJsonText()
    {
        var output = new DurableExecutionInvocationOutput { Status = InvocationStatus.Succeeded, Result = "{\"total\":3,\"note\":\"é <ok>\"}" };

        // Written by hand: quotes inside the result escaped as \", nothing else escaped.
        Assert.That(
            DurableWireFormat.SerializeInvocationOutput(output),
            Is.EqualTo("""{"Status":"SUCCEEDED","Result":"{\"total\":3,\"note\":\"é <ok>\"}"}"""));
    }

    [Test]
    public void ASucceededOutputWithoutAResultIsItsStatusAlone()
    {
        var output = new DurableExecutionInvocationOutput { Status = InvocationStatus.Succeeded };

        Assert.That(DurableWireFormat.SerializeInvocationOutput(output), Is.EqualTo("""{"Status":"SUCCEEDED"}"""));
    }

    [Test]
    public void AFailedOutputCarriesAnErrorObject()
    {
        var output = new DurableExecutionInvocationOutput
        {
            Status = InvocationStatus.Failed,
            Error = new ErrorObject
            {
                ErrorMessage = "Payment declined",
                ErrorType = "System.InvalidOperationException",
                ErrorData = "{\"code\":402}",
                StackTrace = ["at Billing.Charge()"],
            },
        };

        Assert.That(DurableWireFormat.SerializeInvocationOutput(output), Is.EqualTo(WireJson.Compact("""
            {
              "Status": "FAILED",
              "Error": {
                "ErrorMessage": "Payment declined",
                "ErrorType": "System.InvalidOperationException",
                "ErrorData": "{\"code\":402}",
                "StackTrace": [ "at Billing.Charge()" ]
              }
            }
            """)));
    }

    [Test]
    public void APendingOutputIsItsStatusAlone()
    {
        var output = new DurableExecutionInvocationOutput { Status = InvocationStatus.Pending };

        Assert.That(DurableWireFormat.SerializeInvocationOutput(output), Is.EqualTo("""{"Status":"PENDING"}"""));
    }

    [TestCase("""{"Status":"SUCCEEDED","Result":"{\"total\":3}"}""")]
    [TestCase("""{"Status":"SUCCEEDED","Result":""}""")]
    [TestCase("""{"Status":"FAILED","Error":{"ErrorMessage":"boom","ErrorType":"System.Exception","StackTrace":[]}}""")]
    [TestCase("""{"Status":"PENDING"}""")]
    public void EachShapeReadsAndWritesBackUnchanged(string json)
    {
        var output = DurableWireFormat.ParseInvocationOutput(json);

        Assert.That(DurableWireFormat.SerializeInvocationOutput(output), Is.EqualTo(json));
    }
}
