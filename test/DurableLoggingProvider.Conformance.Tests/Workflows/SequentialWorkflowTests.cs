using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

[TestFixture]
public class SequentialWorkflowTests
{
    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task Scenario1_StepsAroundASkippedWaitWriteEachLineOnceInTwoInvocations(CancellationToken cancellationToken)
    {
        var result = await ConformanceRunner.RunAsync<string, string>("input", async (input, context, logger) =>
        {
            logger.LogInformation("A");
            await context.StepAsync(_ => Task.FromResult(1), "s1");
            logger.LogInformation("B");
            await context.WaitAsync(TimeSpan.FromSeconds(5), "pause");
            logger.LogInformation("C");
            await context.StepAsync(_ => Task.FromResult(2), "s2");
            logger.LogInformation("D");
            return "done";
        }, null, cancellationToken);

        ConformanceAssert.Conforms(result, "SUCCEEDED", 2, new Dictionary<string, int> { ["A"] = 1, ["B"] = 1, ["C"] = 1, ["D"] = 1 });
        Assert.That(result.Result, Is.EqualTo("\"done\""));
    }
}
