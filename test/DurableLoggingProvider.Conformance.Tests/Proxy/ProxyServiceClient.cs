using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using DurableLoggingProvider.Lambda;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// The test project's own thin <see cref="IDurableServiceClient"/> over the Lambda API's REST paths
/// (durable-wire-format.md section 7) served by the proxy, so AWS's checkpoint server answers every call:
/// the shipped client's own messages (<see cref="DurableApiMessages"/>: paths, bodies, epoch-second
/// timestamps), but unsigned, without retries, and a refusal thrown as <see cref="ServiceRefusedException"/>.
/// </summary>
internal sealed class ProxyServiceClient : IDurableServiceClient
{
    private readonly HttpClient _http;

    /// <param name="http">A client whose base address is the proxy's.</param>
    public ProxyServiceClient(HttpClient http) => _http = http;

    /// <inheritdoc />
    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        var body = DurableApiMessages.CheckpointBody(request, Guid.NewGuid().ToString());
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(DurableApiMessages.CheckpointPath(request.DurableExecutionArn), content, cancellationToken).ConfigureAwait(false);
        return DurableApiMessages.ReadCheckpointResponse(await AnswerOf(response, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(DurableApiMessages.StatePathAndQuery(request), cancellationToken).ConfigureAwait(false);
        return DurableApiMessages.ReadStatePage(await AnswerOf(response, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<string> AnswerOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? text : throw new ServiceRefusedException(Refusal(response, text));
    }

    private static string Refusal(HttpResponseMessage response, string text)
    {
        var type = response.Headers.TryGetValues("x-amzn-errortype", out var types) ? string.Join(",", types) : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var message = JsonNode.Parse(text)?["message"]?.GetValue<string>() ?? text;
        return $"{type}: {message}";
    }
}
