using System.Collections.Generic;
using DurableLoggingProvider.Conformance.Tests.Harness;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

/// <summary>What every workflow asserts: the final status, no refusal, the invocations, and how many times each line was written.</summary>
internal static class ConformanceAssert
{
    public static void Conforms(ConformanceResult result, string status, int invocations, IReadOnlyDictionary<string, int> lines) =>
        Conforms(result, status, invocations, invocations, lines);

    /// <summary>The same, where AWS's runner's scheduling (not the engine) decides between <paramref name="leastInvocations"/> and <paramref name="mostInvocations"/>.</summary>
    public static void Conforms(ConformanceResult result, string status, int leastInvocations, int mostInvocations, IReadOnlyDictionary<string, int> lines)
    {
        TestContext.Out.WriteLine($"figures: {TestContext.CurrentContext.Test.Name} {result.Figures()}");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(status), result.ToString);
            Assert.That(result.Refusals, Is.Empty, result.ToString);
            Assert.That(result.Invocations.Count, Is.InRange(leastInvocations, mostInvocations), result.ToString);
            Assert.That(result.LineCounts(), Is.EquivalentTo(lines), result.ToString);
            Assert.That(result.Requests, Is.GreaterThan(0), "requests reached the proxy's REST front");
            if (result.Client == ServiceClientKind.Lambda)
            {
                // The shipped client signs every request for the service lambda and sends each checkpoint with a ClientToken.
                Assert.That(result.SignedRequests, Is.EqualTo(result.Requests), "SigV4-signed requests");
                Assert.That(result.CheckpointsWithClientToken, Is.EqualTo(result.CheckpointCalls.Count), "checkpoints with a ClientToken");
            }
        });
    }
}
