using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace DurableLoggingProvider.Lambda.Tests;

/// <summary>One request as it reached the loopback API: raw path and query, headers and body bytes.</summary>
internal sealed class RecordedRequest
{
    private readonly Dictionary<string, string> _headers;

    public RecordedRequest(string method, string rawUrl, Dictionary<string, string> headers, byte[] body)
    {
        Method = method;
        var question = rawUrl.IndexOf('?', StringComparison.Ordinal);
        RawPath = question < 0 ? rawUrl : rawUrl[..question];
        RawQuery = question < 0 ? string.Empty : rawUrl[(question + 1)..];
        _headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        Body = body;
    }

    public string Method { get; }

    public string RawPath { get; }

    public string RawQuery { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonObject BodyJson => JsonNode.Parse(BodyText)!.AsObject();

    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The query's parameters, decoded.</summary>
    public Dictionary<string, string> Query()
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (RawQuery.Length == 0)
        {
            return query;
        }

        foreach (var pair in RawQuery.Split('&'))
        {
            var parts = pair.Split('=', 2);
            query[Uri.UnescapeDataString(parts[0])] = Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty);
        }

        return query;
    }
}
