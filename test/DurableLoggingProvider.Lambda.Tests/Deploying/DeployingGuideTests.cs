using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Lambda.Tests.Deploying;

/// <summary>Runs the guide's function (options, mapping, entry-point call) as its Program.cs does, against the loopback API.</summary>
[TestFixture]
[CancelAfter(20_000)]
public sealed class DeployingGuideTests
{
    private sealed record LambdaContext(string AwsRequestId, TimeSpan RemainingTime, string TenantId, string TraceId) : ILambdaContext;

    [Test]
    public void The_mapping_carries_the_request_id_and_deadline_and_leaves_empty_trace_and_tenant_unset()
    {
        var before = DateTimeOffset.UtcNow;

        var invocation = new LambdaContext("c0ffee00-0000-4000-8000-000000000001", TimeSpan.FromSeconds(30), string.Empty, string.Empty).ToInvocation();

        Assert.That(invocation.RequestId, Is.EqualTo("c0ffee00-0000-4000-8000-000000000001"));
        Assert.That(invocation.TraceId, Is.Null);
        Assert.That(invocation.TenantId, Is.Null);
        Assert.That(invocation.Deadline, Is.InRange(before.AddSeconds(30), DateTimeOffset.UtcNow.AddSeconds(30)));
    }

    [Test]
    public async Task The_guides_function_starts_an_execution_and_suspends_on_its_wait(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var issued = 0;
        api.Service = (_, operation) => ApiAnswer.Ok(new JsonObject
        {
            ["CheckpointToken"] = $"token-{Interlocked.Increment(ref issued)}",
            ["NewExecutionState"] = new JsonObject { ["Operations"] = new JsonArray() },
        });
        // As the guide's Program.cs, but recording the lines instead of writing them to standard output.
        var sink = new RecordingLogSink();
        using var loggers = LoggerFactory.Create(logging => logging.AddDurableLogging().Services.AddSingleton<ILogSink>(sink));
        var options = new DurableFunctionOptions(new JsonDurableSerializer(OrderJson.Default.Options))
        {
            LoggerFactory = loggers,
            ServiceClient = LoopbackClients.Create(api, new RecordingRetryClock()),
        };
        var payload = new JsonObject
        {
            ["DurableExecutionArn"] = LoopbackClients.ExecutionArn,
            ["CheckpointToken"] = "token-0",
            ["InitialExecutionState"] = new JsonObject
            {
                ["Operations"] = new JsonArray(new JsonObject
                {
                    ["Id"] = "exec", ["Type"] = "EXECUTION", ["Status"] = "STARTED", ["StartTimestamp"] = 1764590400000L,
                    ["ExecutionDetails"] = new JsonObject { ["InputPayload"] = """{"OrderId":"order-42","Quantity":3}""" },
                }),
            },
        };
        var context = new LambdaContext("c0ffee00-0000-4000-8000-000000000002", TimeSpan.FromSeconds(60), string.Empty, "Root=1-67891233-abcdef012345678912345678");

        using var output = await DurableFunction.RunAsync<Order, Receipt>(
            new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString())), context.ToInvocation(), OrderWorkflow.RunAsync, options, cancellationToken);

        Assert.That(JsonNode.Parse(output)!.ToJsonString(), Is.EqualTo("""{"Status":"PENDING"}"""));
        var updates = api.Requests.SelectMany(request => request.BodyJson["Updates"]!.AsArray()).Select(update => (update!["Type"]!.GetValue<string>(), update["Action"]!.GetValue<string>())).ToList();
        Assert.That(updates.Last(), Is.EqualTo(("WAIT", "START")));
        Assert.That(updates.Where(update => update.Item1 == "STEP").Select(update => update.Item2).Last(), Is.EqualTo("SUCCEED"));
        Assert.That(api.Problems, Is.Empty);
    }
}
