using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DurableLoggingProvider.Lambda.Tests;

[TestFixture]
[CancelAfter(20_000)]
public sealed class DurableFunctionTests
{
    private const string ExecutionId = "exec-7f3a";

    // Wire ids of the first, second and third root operations (spec/durable-wire-format.md section 5).
    private static readonly string s_first = OperationId("1");
    private static readonly string s_second = OperationId("2");
    private static readonly string s_third = OperationId("3");

    private sealed record Order(string OrderId, int Quantity);

    private static string OperationId(string raw) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));

    private static DurableFunctionOptions Options(LambdaDurableServiceClient client) =>
        new(JsonDurableSerializer.ReflectionBased()) { ServiceClient = client, LoggerFactory = NullLoggerFactory.Instance };

    private static MemoryStream Payload(JsonObject payload) => new(Encoding.UTF8.GetBytes(payload.ToJsonString()));

    private static JsonObject ExecutionOperation() => new()
    {
        ["Id"] = ExecutionId,
        ["Type"] = "EXECUTION",
        ["Status"] = "STARTED",
        ["StartTimestamp"] = 1764590400000L,
        ["ExecutionDetails"] = new JsonObject { ["InputPayload"] = """{"OrderId":"order-42","Quantity":3}""" },
    };

    /// <summary>Accepts every checkpoint, answering with the next token, as the service does.</summary>
    private static void AcceptCheckpoints(LoopbackDurableApi api)
    {
        var issued = 0;
        api.Service = (request, operation) => operation == DurableApiShapes.CheckpointOperation
            ? ApiAnswer.Ok(new JsonObject { ["CheckpointToken"] = $"token-{Interlocked.Increment(ref issued)}", ["NewExecutionState"] = new JsonObject { ["Operations"] = new JsonArray() } })
            : ApiAnswer.Error(500, "ServiceException", "unexpected state read");
    }

    private static List<JsonObject> CheckpointedUpdates(LoopbackDurableApi api) =>
        [.. api.Requests.Where(request => request.Method == "POST").SelectMany(request => request.BodyJson["Updates"]!.AsArray().Select(update => update!.AsObject()))];

    [Test]
    public async Task A_resumed_invocation_reads_the_rest_of_its_state_replays_it_and_returns_the_result_lambda_expects(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock();
        // Page two, as GetDurableExecutionState answers: epoch-second timestamps.
        api.Enqueue(ApiAnswer.Ok(new JsonObject
        {
            ["Operations"] = new JsonArray
            {
                new JsonObject
                {
                    ["Id"] = s_second, ["Type"] = "WAIT", ["SubType"] = "Wait", ["Name"] = "cool-off", ["Status"] = "SUCCEEDED",
                    ["StartTimestamp"] = 1764590400.3, ["EndTimestamp"] = 1764590700.3, ["WaitDetails"] = new JsonObject { ["ScheduledEndTimestamp"] = 1764590700.3 },
                },
            },
        }));
        AcceptCheckpoints(api);
        // The event, as the service sends it: epoch-millisecond timestamps, a NextMarker, the fired wait listed as updated.
        var payload = new JsonObject
        {
            ["DurableExecutionArn"] = LoopbackClients.ExecutionArn,
            ["CheckpointToken"] = "token-0",
            ["InitialExecutionState"] = new JsonObject
            {
                ["Operations"] = new JsonArray
                {
                    ExecutionOperation(),
                    new JsonObject
                    {
                        ["Id"] = s_first, ["Type"] = "STEP", ["SubType"] = "Step", ["Name"] = "reserve", ["Status"] = "SUCCEEDED",
                        ["StartTimestamp"] = 1764590400100L, ["EndTimestamp"] = 1764590400200L,
                        ["StepDetails"] = new JsonObject { ["Attempt"] = 1, ["Result"] = "\"reservation-7\"" },
                    },
                },
                ["NextMarker"] = "page-2",
            },
            ["UpdatedOperationIds"] = new JsonArray(s_second),
        };
        var reserveRuns = 0;

        var client = LoopbackClients.Create(api, clock);
        using var output = await DurableFunction.RunAsync<Order, string>(
            Payload(payload),
            LoopbackClients.InvocationEndingIn(clock, TimeSpan.FromMinutes(1)),
            async (order, context) =>
            {
                var reservation = await context.StepAsync(_ => Task.FromResult($"reservation-{++reserveRuns}"), "reserve");
                await context.WaitAsync(TimeSpan.FromMinutes(5), "cool-off");
                return await context.StepAsync(_ => Task.FromResult($"charged {order.Quantity} for {reservation}"), "charge");
            },
            Options(client),
            cancellationToken);

        var result = JsonNode.Parse(output)!.AsObject();
        Assert.That(result.Select(member => member.Key), Is.EquivalentTo(new[] { "Status", "Result" }));
        Assert.That(result["Status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(result["Result"]!.GetValue<string>(), Is.EqualTo("\"charged 3 for reservation-7\""));
        Assert.That(reserveRuns, Is.Zero);
        Assert.That(api.Problems, Is.Empty);

        var stateRead = api.Requests[0];
        Assert.That(stateRead.Method, Is.EqualTo("GET"));
        Assert.That(stateRead.Query()["Marker"], Is.EqualTo("page-2"));
        Assert.That(stateRead.Query()["CheckpointToken"], Is.EqualTo("token-0"));

        var updates = CheckpointedUpdates(api);
        Assert.That(updates.Select(update => update["Id"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { s_third }));
        Assert.That(updates.Select(update => update["Action"]!.GetValue<string>()).Last(), Is.EqualTo("SUCCEED"));
        Assert.That(updates.Last()["Payload"]!.GetValue<string>(), Is.EqualTo("\"charged 3 for reservation-7\""));

        // Each checkpoint sends the token the previous one returned.
        var tokens = api.Requests.Where(request => request.Method == "POST").Select(request => request.BodyJson["CheckpointToken"]!.GetValue<string>());
        Assert.That(tokens, Is.EqualTo(Enumerable.Range(0, tokens.Count()).Select(n => $"token-{n}")));
    }

    [Test]
    public async Task A_new_wait_checkpoints_its_start_and_ends_the_invocation_pending(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock();
        AcceptCheckpoints(api);
        var payload = new JsonObject
        {
            ["DurableExecutionArn"] = LoopbackClients.ExecutionArn,
            ["CheckpointToken"] = "token-0",
            ["InitialExecutionState"] = new JsonObject { ["Operations"] = new JsonArray(ExecutionOperation()) },
        };

        var client = LoopbackClients.Create(api, clock);
        using var output = await DurableFunction.RunAsync<Order, string>(
            Payload(payload),
            LoopbackClients.InvocationEndingIn(clock, TimeSpan.FromMinutes(1)),
            async (order, context) =>
            {
                await context.WaitAsync(TimeSpan.FromMinutes(5), "cool-off");
                return "done";
            },
            Options(client),
            cancellationToken);

        Assert.That(JsonNode.Parse(output)!.ToJsonString(), Is.EqualTo("""{"Status":"PENDING"}"""));
        var start = CheckpointedUpdates(api).Single();
        Assert.That(start["Id"]!.GetValue<string>(), Is.EqualTo(s_first));
        Assert.That(start["Type"]!.GetValue<string>(), Is.EqualTo("WAIT"));
        Assert.That(start["Action"]!.GetValue<string>(), Is.EqualTo("START"));
        Assert.That(start["WaitOptions"]!["WaitSeconds"]!.GetValue<int>(), Is.EqualTo(300));
    }

    [Test]
    public async Task A_workflow_that_throws_returns_a_failed_output_with_its_error(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var payload = new JsonObject
        {
            ["DurableExecutionArn"] = LoopbackClients.ExecutionArn,
            ["CheckpointToken"] = "token-0",
            ["InitialExecutionState"] = new JsonObject { ["Operations"] = new JsonArray(ExecutionOperation()) },
        };
        var input = DurableWireFormat.ParseInvocationInput(payload.ToJsonString());

        var output = await DurableFunction.RunAsync<Order, string>(
            input,
            new LambdaInvocation("3f1c7c2e-0000-4000-8000-000000000002"),
            (order, context) => throw new InvalidOperationException($"order {order.OrderId} has no lines"),
            Options(LoopbackClients.Create(api, new RecordingRetryClock())),
            cancellationToken);

        Assert.That(output.Status, Is.EqualTo(InvocationStatus.Failed));
        Assert.That(output.Error!.ErrorType, Is.EqualTo("System.InvalidOperationException"));
        Assert.That(output.Error.ErrorMessage, Is.EqualTo("order order-42 has no lines"));
        Assert.That(output.Result, Is.Null);
    }

    [Test]
    public async Task A_refused_checkpoint_ends_the_invocation_with_an_error_that_names_the_missing_permission(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.Error(403, "AccessDeniedException", "User is not authorized to perform: lambda:CheckpointDurableExecution", "Message"));
        var payload = new JsonObject
        {
            ["DurableExecutionArn"] = LoopbackClients.ExecutionArn,
            ["CheckpointToken"] = "token-0",
            ["InitialExecutionState"] = new JsonObject { ["Operations"] = new JsonArray(ExecutionOperation()) },
        };

        var failure = Assert.ThrowsAsync<CheckpointException>(() => DurableFunction.RunAsync<Order, string>(
            Payload(payload),
            new LambdaInvocation("3f1c7c2e-0000-4000-8000-000000000003"),
            (order, context) => context.StepAsync(_ => Task.FromResult("reserved"), "reserve"),
            Options(LoopbackClients.Create(api, new RecordingRetryClock())),
            cancellationToken));

        Assert.That(failure!.InnerException, Is.InstanceOf<DurableServiceException>());
        Assert.That(failure.Message, Does.Contain("allow the IAM action lambda:CheckpointDurableExecution"));
    }

    [Test]
    public async Task The_invocations_deadline_reaches_the_client_through_the_engine_and_bounds_its_retries(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock { Jitter = 0.999 };
        api.Service = (_, _) => ApiAnswer.Throttled();
        var payload = new JsonObject
        {
            ["DurableExecutionArn"] = LoopbackClients.ExecutionArn,
            ["CheckpointToken"] = "token-0",
            ["InitialExecutionState"] = new JsonObject { ["Operations"] = new JsonArray(ExecutionOperation()), ["NextMarker"] = "page-2" },
        };
        var client = LoopbackClients.Create(api, clock, options =>
        {
            options.MaxAttempts = 100;
            options.BaseRetryDelay = TimeSpan.FromMilliseconds(200);
        });

        var failure = Assert.ThrowsAsync<CheckpointException>(() => DurableFunction.RunAsync<Order, string>(
            Payload(payload),
            LoopbackClients.InvocationEndingIn(clock, TimeSpan.FromSeconds(3)),
            (order, context) => Task.FromResult("never"),
            Options(client),
            cancellationToken));

        // 3 s less the 0.5 s margin: waits of about 0.2, 0.4 and 0.8 s fit (1.4 s), the next one of 1.6 s does not.
        Assert.That(api.Requests, Has.Count.EqualTo(4));
        Assert.That(clock.Delays.Sum(delay => delay.TotalMilliseconds), Is.LessThan(2500));
        Assert.That(failure!.InnerException, Is.InstanceOf<DurableServiceException>());
        Assert.That(failure.Message, Does.Contain("Reading page 2").And.Contain("would pass the invocation's deadline"));
    }

    [Test]
    public void A_payload_that_is_not_a_durable_invocation_is_refused_with_the_field_named()
    {
        var failure = Assert.ThrowsAsync<DurableExecutionInputException>(() => DurableFunction.RunAsync<Order, string>(
            new MemoryStream(Encoding.UTF8.GetBytes("""{"OrderId":"order-42","Quantity":3}""")),
            new LambdaInvocation("3f1c7c2e-0000-4000-8000-000000000004"),
            (order, context) => Task.FromResult("never"),
            new DurableFunctionOptions(JsonDurableSerializer.ReflectionBased()) { ServiceClient = new UnusedServiceClient() }));

        Assert.That(failure!.Message, Does.Contain("DurableExecutionArn"));
    }

    private sealed class UnusedServiceClient : IDurableServiceClient
    {
        public Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken) => throw new AssertionException("no checkpoint expected");

        public Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken) => throw new AssertionException("no state read expected");
    }
}
