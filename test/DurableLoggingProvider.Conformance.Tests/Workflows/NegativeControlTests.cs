using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Conformance.Tests.Harness;
using DurableLoggingProvider.Conformance.Tests.Proxy;
using DurableLoggingProvider.Execution;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Workflows;

/// <summary>
/// The suite can see a refusal: checkpoints AWS's server must refuse, sent through the same client and
/// proxy as the engine's, are seen refused with AWS's messages. A suite that reports no refusal is
/// therefore one whose checkpoints AWS accepted, not one that cannot tell.
/// </summary>
[TestFixture(ServiceClientKind.Direct)]
[TestFixture(ServiceClientKind.Lambda)]
public class NegativeControlTests(ServiceClientKind client) : ConformanceFixture(client)
{
    [Test]
    [CancelAfter(ConformanceRunner.TimeoutMilliseconds)]
    public async Task CheckpointsAwsMustRefuseAreSeenRefusedWithItsMessages(CancellationToken cancellationToken)
    {
        var options = new ConformanceRunOptions
        {
            AfterEngine = async (client, input) =>
            {
                var token = client.LatestToken ?? input.CheckpointToken;
                token = await SendAsync(client, input, token, new OperationUpdate { Id = "negative-control-step", Type = OperationType.Step, Action = OperationAction.Start, Name = "control" }, cancellationToken);
                // START of a STARTED step.
                await SendAsync(client, input, token, new OperationUpdate { Id = "negative-control-step", Type = OperationType.Step, Action = OperationAction.Start, Name = "control" }, cancellationToken);
                // SUCCEED is no action of a WAIT.
                await SendAsync(client, input, token, new OperationUpdate { Id = "negative-control-wait", Type = OperationType.Wait, Action = OperationAction.Succeed, Name = "control" }, cancellationToken);
            },
        };

        var result = await RunAsync<string, string>("input", async (input, context, logger) =>
        {
            await context.StepAsync(_ => Task.FromResult(1), "s1");
            return "done";
        }, options, cancellationToken);

        TestContext.Out.WriteLine($"figures: {TestContext.CurrentContext.Test.Name} {result.Figures()}");
        Assert.That(result.Refusals.Select(call => call.Refusal), Is.EqualTo(new[]
        {
            "InvalidParameterValueException: Invalid current STEP state to start.",
            "InvalidParameterValueException: Invalid action for the given operation type.",
        }), result.ToString);
        Assert.That(result.Status, Is.EqualTo("SUCCEEDED"), result.ToString);
    }

    private static async Task<string?> SendAsync(RecordingServiceClient client, DurableExecutionInvocationInput input, string? token, OperationUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.CheckpointAsync(new CheckpointRequest { DurableExecutionArn = input.DurableExecutionArn, CheckpointToken = token, Updates = [update] }, cancellationToken);
            return answer.CheckpointToken ?? token;
        }
        catch (Exception exception) when (RecordingServiceClient.RefusalOf(exception) is not null)
        {
            // Recorded by the client: the test reads it from the result.
            return token;
        }
    }
}
