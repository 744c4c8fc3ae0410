using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using NUnit.Framework;

namespace DurableLoggingProvider.Lambda.Tests;

[TestFixture]
[CancelAfter(20_000)]
public sealed class RequestShapeTests
{
    private const string EncodedArn = "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders%3A1%2Fdurable-execution%2Forder-42%2Finv-1";

    [Test]
    public async Task A_checkpoint_is_posted_to_its_rest_path_with_the_arn_encoded_and_a_signature_the_service_accepts(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock();
        api.Enqueue(ApiAnswer.Ok("""{"CheckpointToken":"token-2","NewExecutionState":{"Operations":[]}}"""));
        var client = LoopbackClients.Create(api, clock);

        var request = new CheckpointRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" };
        request.Updates.Add(new OperationUpdate { Id = "op-1", Type = OperationType.Step, Action = OperationAction.Succeed, SubType = "Step", Payload = "\"shipped\"" });
        var response = await client.CheckpointAsync(request, cancellationToken);

        Assert.That(api.Problems, Is.Empty);
        var sent = api.Requests.Single();
        Assert.That(sent.Method, Is.EqualTo("POST"));
        Assert.That(sent.RawPath, Is.EqualTo($"/2025-12-01/durable-executions/{EncodedArn}/checkpoint"));
        var body = sent.BodyJson;
        Assert.That(body.Select(member => member.Key), Is.EquivalentTo(new[] { "CheckpointToken", "Updates", "ClientToken" }));
        Assert.That(body["CheckpointToken"]!.GetValue<string>(), Is.EqualTo("token-1"));
        Assert.That(Guid.TryParse(body["ClientToken"]!.GetValue<string>(), out _), Is.True);
        var update = body["Updates"]!.AsArray().Single()!.AsObject();
        Assert.That(update["Id"]!.GetValue<string>(), Is.EqualTo("op-1"));
        Assert.That(update["Type"]!.GetValue<string>(), Is.EqualTo("STEP"));
        Assert.That(update["Action"]!.GetValue<string>(), Is.EqualTo("SUCCEED"));
        Assert.That(update["Payload"]!.GetValue<string>(), Is.EqualTo("\"shipped\""));
        Assert.That(response.CheckpointToken, Is.EqualTo("token-2"));
    }

    [Test]
    public async Task A_checkpoints_payload_quotes_are_escaped_in_two_bytes_not_six(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.Ok("""{"CheckpointToken":"token-2","NewExecutionState":{"Operations":[]}}"""));
        var client = LoopbackClients.Create(api, new RecordingRetryClock());
        var request = new CheckpointRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" };
        request.Updates.Add(new OperationUpdate { Id = "op-1", Type = OperationType.Step, Action = OperationAction.Succeed, Payload = """{"sku":"é-42"}""" });

        await client.CheckpointAsync(request, cancellationToken);

        // The escaping itself is under test, which parsing would hide: the raw text is what counts against the payload limit.
        var text = api.Requests.Single().BodyText;
        Assert.That(text, Does.Contain("""
            "Payload":"{\"sku\":\"é-42\"}"
            """));
        Assert.That(text, Does.Not.Contain("\\u0022"));
    }

    [Test]
    public async Task A_state_page_is_read_with_its_token_marker_and_size_in_the_query(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.Ok("""{"Operations":[],"NextMarker":"page-3"}"""));
        var client = LoopbackClients.Create(api, new RecordingRetryClock());

        var page = await client.GetExecutionStateAsync(
            new ExecutionStateRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token/1+a=", Marker = "page 2", MaxItems = 1000 },
            cancellationToken);

        Assert.That(api.Problems, Is.Empty);
        var sent = api.Requests.Single();
        Assert.That(sent.Method, Is.EqualTo("GET"));
        Assert.That(sent.RawPath, Is.EqualTo($"/2025-12-01/durable-executions/{EncodedArn}/state"));
        Assert.That(sent.Query(), Is.EqualTo(new System.Collections.Generic.Dictionary<string, string>
        {
            ["CheckpointToken"] = "token/1+a=",
            ["Marker"] = "page 2",
            ["MaxItems"] = "1000",
        }));
        Assert.That(page.NextMarker, Is.EqualTo("page-3"));
    }

    [Test]
    public async Task Timestamps_in_epoch_seconds_reach_the_engine_as_epoch_milliseconds(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var operations = new JsonArray
        {
            new JsonObject { ["Id"] = "step", ["Type"] = "STEP", ["Status"] = "PENDING", ["StartTimestamp"] = 1764590400.25, ["StepDetails"] = new JsonObject { ["Attempt"] = 1, ["NextAttemptTimestamp"] = 1764590410 } },
            new JsonObject { ["Id"] = "wait", ["Type"] = "WAIT", ["Status"] = "SUCCEEDED", ["StartTimestamp"] = 1764590400, ["EndTimestamp"] = 1764590460.999, ["WaitDetails"] = new JsonObject { ["ScheduledEndTimestamp"] = 1764590460 } },
        };
        api.Enqueue(ApiAnswer.Ok(new JsonObject { ["Operations"] = operations }));
        var client = LoopbackClients.Create(api, new RecordingRetryClock());

        var page = await client.GetExecutionStateAsync(
            new ExecutionStateRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" }, cancellationToken);

        var step = page.Operations[0];
        var wait = page.Operations[1];
        Assert.That(step.StartTimestamp, Is.EqualTo(1_764_590_400_250L));
        Assert.That(step.StepDetails!.NextAttemptTimestamp, Is.EqualTo(1_764_590_410_000L));
        Assert.That(wait.EndTimestamp, Is.EqualTo(1_764_590_460_999L));
        Assert.That(wait.WaitDetails!.ScheduledEndTimestamp, Is.EqualTo(1_764_590_460_000L));
    }

    [Test]
    public async Task An_answer_whose_timestamp_is_not_a_time_fails_clearly(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.Ok("""{"Operations":[{"Id":"a","Type":"STEP","Status":"STARTED","StartTimestamp":true}]}"""));
        var client = LoopbackClients.Create(api, new RecordingRetryClock());

        var failure = Assert.ThrowsAsync<DurableServiceException>(() => client.GetExecutionStateAsync(
            new ExecutionStateRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" }, cancellationToken));

        Assert.That(failure!.Message, Does.Contain("StartTimestamp is true").And.Contain("epoch seconds"));
        Assert.That(failure.IsTransient, Is.False);
    }

    [Test]
    public async Task A_request_signed_with_the_wrong_secret_is_refused_and_not_retried(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var client = LoopbackClients.Create(api, new RecordingRetryClock(), secretKey: "not-the-secret");

        var failure = Assert.ThrowsAsync<DurableServiceException>(() => client.GetExecutionStateAsync(
            new ExecutionStateRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" }, cancellationToken));

        Assert.That(api.Requests, Has.Count.EqualTo(1));
        Assert.That(api.Problems.Single(), Does.Contain("signature does not match"));
        Assert.That(failure!.ErrorType, Is.EqualTo("InvalidSignatureException"));
        Assert.That(failure.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
        Assert.That(failure.Message, Does.Contain("credentials"));
    }
}
