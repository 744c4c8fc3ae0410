using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Lambda.Tests;

/// <summary>What the loopback API answers to one request: a status, headers, a body, and optionally a gate it waits on first.</summary>
internal sealed class ApiAnswer
{
    public int Status { get; init; } = 200;

    public string Body { get; init; } = "{}";

    public Dictionary<string, string> Headers { get; init; } = [];

    /// <summary>When set, the answer is held until this task completes (a slow service).</summary>
    public Task? Gate { get; init; }

    public static ApiAnswer Ok(JsonNode body) => new() { Body = body.ToJsonString() };

    public static ApiAnswer Ok(string body) => new() { Body = body };

    /// <summary>An error answer the way the Lambda API sends one: the type in <c>x-amzn-errortype</c>, the message in the body.</summary>
    public static ApiAnswer Error(int status, string type, string message, string messageMember = "message") => new()
    {
        Status = status,
        Headers = new() { ["x-amzn-errortype"] = type + ":http://internal.amazon.com/coral/com.amazonaws.lambda/" },
        Body = new JsonObject { ["Type"] = "User", [messageMember] = message }.ToJsonString(),
    };

    public static ApiAnswer Throttled(int? retryAfterSeconds = null)
    {
        var answer = Error(429, "TooManyRequestsException", "Rate exceeded");
        if (retryAfterSeconds is { } seconds)
        {
            answer.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return answer;
    }

    public static ApiAnswer ServiceFailure() => Error(500, "ServiceException", "Lambda encountered an internal error.", "Message");

    public ApiAnswer HeldUntil(Task gate) => new() { Status = Status, Body = Body, Headers = Headers, Gate = gate ?? throw new ArgumentNullException(nameof(gate)) };
}
