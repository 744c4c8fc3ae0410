using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing;

namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>
/// Sends a refusal script to a new <see cref="InMemoryDurableService"/>, one checkpoint call per request, as a
/// handler would: each request is read from its wire JSON (an update the wire model cannot carry, such as one
/// without a Type, is refused there), sent with the latest token, and its outcome recorded. Between
/// invocations the service's clock moves to its next timer, as the runner's does.
/// </summary>
internal static class InMemoryServiceReplay
{
    private const string ExecutionArn =
        "arn:aws:lambda:us-east-1:123456789012:function:refusals:1/durable-execution/corpus/1c2d3e4f-0000-4000-8000-000000000001";

    public static async Task<IReadOnlyList<IReadOnlyList<CheckpointOutcome>>> RunAsync(RefusalScript script, CancellationToken cancellationToken)
    {
        var service = new InMemoryDurableService(ExecutionArn, "{}", new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var executionId = service.Operations[0].Id;
        var outcomes = new List<IReadOnlyList<CheckpointOutcome>>();
        foreach (var invocation in script.Invocations)
        {
            if (outcomes.Count > 0)
            {
                var timer = service.NextTimer()
                    ?? throw new InvalidOperationException($"Script '{script.Name}' has a next invocation, but no timer is set to start it.");
                service.AdvanceTo(timer);
            }

            var firstToken = service.NextInvocationInput().CheckpointToken;
            var recorded = new List<CheckpointOutcome>();
            foreach (var request in invocation)
            {
                var token = request.Token switch
                {
                    CorpusToken.Stale => firstToken,
                    CorpusToken.None => null,
                    _ => service.CheckpointToken,
                };
                recorded.Add(await SendAsync(service, token, request.UpdatesJson(executionId), cancellationToken).ConfigureAwait(false));
            }

            outcomes.Add(recorded);
        }

        return outcomes;
    }

    private static async Task<CheckpointOutcome> SendAsync(InMemoryDurableService service, string? token, string updatesJson, CancellationToken cancellationToken)
    {
        CheckpointRequest request;
        try
        {
            request = DurableWireFormat.ParseCheckpointRequest(
                $"{{\"DurableExecutionArn\":{JsonSerializer.Serialize(service.ExecutionArn)},\"CheckpointToken\":{JsonSerializer.Serialize(token)},\"Updates\":{updatesJson}}}");
        }
        catch (JsonException exception)
        {
            return CheckpointOutcome.Refused($"the wire model cannot carry it: {exception.Message}");
        }

        try
        {
            await service.CheckpointAsync(request, cancellationToken).ConfigureAwait(false);
            return CheckpointOutcome.Taken;
        }
        catch (InvalidCheckpointException exception)
        {
            return CheckpointOutcome.Refused(exception.Message);
        }
    }
}
