using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// The test project's own thin <see cref="IDurableServiceClient"/> over the Lambda API's REST paths
/// (durable-wire-format.md section 7) served by the proxy, so AWS's checkpoint server answers every call:
/// unsigned, no retries, a refusal thrown as <see cref="ServiceRefusedException"/>.
/// </summary>
internal sealed class ProxyServiceClient : IDurableServiceClient
{
    private readonly HttpClient _http;

    /// <param name="http">A client whose base address is the proxy's.</param>
    public ProxyServiceClient(HttpClient http) => _http = http;

    /// <inheritdoc />
    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(DurableWireFormat.SerializeCheckpointRequest(request))!.AsObject();
        // The ARN travels in the path, not the body.
        body.Remove(nameof(CheckpointRequest.DurableExecutionArn));
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(PathOf(request.DurableExecutionArn, "checkpoint"), content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ServiceRefusedException(Refusal(response, text));
        }

        var answer = JsonNode.Parse(text)!.AsObject();
        ApiTimestamps.ToMilliseconds(answer["NewExecutionState"]?["Operations"] as JsonArray);
        return DurableWireFormat.ParseCheckpointResponse(answer.ToJsonString());
    }

    /// <inheritdoc />
    public async Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        var query = $"?CheckpointToken={Uri.EscapeDataString(request.CheckpointToken ?? string.Empty)}&Marker={Uri.EscapeDataString(request.Marker)}";
        if (request.MaxItems is { } maxItems)
        {
            query += $"&MaxItems={maxItems.ToString(CultureInfo.InvariantCulture)}";
        }

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
}
