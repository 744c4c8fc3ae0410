using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// The engine's <see cref="IDurableServiceClient"/> for one invocation, over the Lambda API's own REST paths
/// (durable-wire-format.md section 7) served by the proxy, so AWS's checkpoint server answers every call.
/// Records each checkpoint call and each refusal; can give the invocation up after a chosen checkpoint.
/// </summary>
internal sealed class ProxyServiceClient : IDurableServiceClient
{
    private readonly HttpClient _http;
    private readonly List<CheckpointCall> _calls;
    private readonly StateReadCounter _stateReads;
    private readonly int _invocation;
    private readonly InvocationLoss? _loss;

    /// <param name="http">A client whose base address is the proxy's.</param>
    /// <param name="calls">Where every checkpoint call of the run is recorded (locked while written).</param>
    /// <param name="stateReads">Counts the run's get-state calls.</param>
    /// <param name="invocation">This invocation's number in the run.</param>
    /// <param name="loss">When to give this invocation up; <see langword="null"/> for never.</param>
    public ProxyServiceClient(HttpClient http, List<CheckpointCall> calls, StateReadCounter stateReads, int invocation, InvocationLoss? loss)
    {
        _http = http;
        _calls = calls;
        _stateReads = stateReads;
        _invocation = invocation;
        _loss = loss;
    }

    /// <summary>Whether this invocation was given up.</summary>
    public bool Lost { get; private set; }

    /// <summary>The newest checkpoint token AWS handed out in this invocation, if any.</summary>
    public string? LatestToken { get; private set; }

    /// <inheritdoc />
    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        ThrowIfLost();
        var body = JsonNode.Parse(DurableWireFormat.SerializeCheckpointRequest(request))!.AsObject();
        // The ARN travels in the path, not the body.
        body.Remove(nameof(CheckpointRequest.DurableExecutionArn));
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(PathOf(request.DurableExecutionArn, "checkpoint"), content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var refusal = Refusal(response, text);
            Record(new CheckpointCall(_invocation, request.Updates, refusal));
            throw new ServiceRefusedException(refusal);
        }

        Record(new CheckpointCall(_invocation, request.Updates, null));
        var answer = JsonNode.Parse(text)!.AsObject();
        ApiTimestamps.ToMilliseconds(answer["NewExecutionState"]?["Operations"] as JsonArray);
        var parsed = DurableWireFormat.ParseCheckpointResponse(answer.ToJsonString());
        LatestToken = parsed.CheckpointToken ?? LatestToken;
        if (_loss?.EndsAfter(request) == true)
        {
            Lost = true;
            ThrowIfLost();
        }

        return parsed;
    }

    /// <inheritdoc />
    public async Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        ThrowIfLost();
        var query = $"?CheckpointToken={Uri.EscapeDataString(request.CheckpointToken ?? string.Empty)}&Marker={Uri.EscapeDataString(request.Marker)}";
        if (request.MaxItems is { } maxItems)
        {
            query += $"&MaxItems={maxItems.ToString(CultureInfo.InvariantCulture)}";
        }

        _stateReads.Add();
        using var response = await _http.GetAsync(PathOf(request.DurableExecutionArn, "state") + query, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ServiceRefusedException(Refusal(response, text));
        }

        var page = JsonNode.Parse(text)!.AsObject();
        ApiTimestamps.ToMilliseconds(page["Operations"] as JsonArray);
        return DurableWireFormat.ParseExecutionStatePage(page.ToJsonString());
    }

    private static string PathOf(string arn, string operation) => $"2025-12-01/durable-executions/{Uri.EscapeDataString(arn)}/{operation}";

    private static string Refusal(HttpResponseMessage response, string text)
    {
        var type = response.Headers.TryGetValues("x-amzn-errortype", out var types) ? string.Join(",", types) : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var message = JsonNode.Parse(text)?["message"]?.GetValue<string>() ?? text;
        return $"{type}: {message}";
    }

    private void Record(CheckpointCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private void ThrowIfLost()
    {
        if (Lost)
        {
            throw new InvocationLostException($"Invocation {_invocation} was given up after the checkpoint of {_loss?.Action} '{_loss?.OperationName}'.");
        }
    }
}
