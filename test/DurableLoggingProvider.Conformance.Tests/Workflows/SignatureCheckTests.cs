using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

/// <summary>
/// The proxy's signature check can fail: with the Lambda client every request is asserted signed, and here an
/// unsigned one (the direct client's) is refused when the run asks for signed requests.
/// </summary>
[TestFixture]
public class SignatureCheckTests
{
    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task AnUnsignedCheckpointIsRefusedWhenTheRunAsksForSignedRequests(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions { Client = ServiceClientKind.Direct, RequireSignature = true };

        var result = await ConformanceRunner.RunAsync<string, string>("input", SequentialWorkflowTests.StepsAroundAWait, options, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Refusals.Select(call => call.Refusal).FirstOrDefault(), Does.StartWith("IncompleteSignatureException: POST /2025-12-01/durable-executions/"), result.ToString);
            Assert.That(result.SignedRequests, Is.Zero, result.ToString);
            Assert.That(result.Status, Is.Not.EqualTo("SUCCEEDED"), result.ToString);
        });
    }
}
