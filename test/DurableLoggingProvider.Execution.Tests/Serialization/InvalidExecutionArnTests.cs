using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Support.InputRejection;
using static DurableLoggingProvider.Execution.Tests.Support.SampleInvocationInput;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary>
/// <c>DurableExecutionArn</c> has the form
/// <c>arn:&lt;partition&gt;:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;name&gt;:&lt;version&gt;/durable-execution/&lt;executionName&gt;/&lt;invocationId&gt;</c>.
/// </summary>
[TestFixture]
public class InvalidExecutionArnTests
{
    private const string Form =
        "expected arn:<partition>:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<executionName>/<invocationId>.";

    [TestCase("order-42", "it does not start with \"arn:\"")]
    [TestCase("ARN:aws:lambda:us-east-1:123456789012:function:f:1/durable-execution/e/i", "it does not start with \"arn:\"")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:f:1", "it has no \"/durable-execution/\"")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:f:1/durable-execution/", "nothing follows \"/durable-execution/\"")]
    [TestCase("arn:aws:states:us-east-1:123456789012:function:f:1/durable-execution/e/i", "it is not a Lambda ARN (no \":lambda:\" after the partition)")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:layer:f:1/durable-execution/e/i", "it names no function (no \":function:<name>\" after the account)")]
    [TestCase("arn:aws:lambda:us-east-1:function:f/durable-execution/e/i", "it names no function (no \":function:<name>\" after the account)")]
    [TestCase("arn:aws:lambda::123456789012:function:f:1/durable-execution/e/i", "its function part is not <partition>:lambda:<region>:<account>:function:<name>:<version>")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:f:1:2/durable-execution/e/i", "its function part is not <partition>:lambda:<region>:<account>:function:<name>:<version>")]
    public void AnArnNotOfTheFormIsRejectedSayingWhy(string arn, string why) =>
        AssertRejected(WithArnValue($"\"{arn}\""), "DurableExecutionArn", $"\"{arn}\" is not a durable execution ARN: {why}; {Form}");

    [TestCase(Arn)]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:order-workflow/durable-execution/order-42/7f3c")]
    [TestCase("arn:aws-cn:lambda:cn-north-1:123456789012:function:f:live/durable-execution/e/i")]
    public void AnArnOfTheFormIsAccepted(string arn)
    {
        var input = DurableWireFormat.ParseInvocationInput(WithArnValue($"\"{arn}\""));

        Assert.That(input.DurableExecutionArn, Is.EqualTo(arn));
    }
}
