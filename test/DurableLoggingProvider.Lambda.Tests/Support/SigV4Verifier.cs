using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DurableLoggingProvider.Lambda.Tests;

/// <summary>
/// Recomputes a request's AWS Signature Version 4 from what arrived on the wire, independently of AWSSDK.Core,
/// following AWS's published algorithm for services other than S3 (the already-encoded path encoded once more).
/// </summary>
internal sealed class SigV4Verifier
{
    private readonly string _accessKey;
    private readonly string _secretKey;
    private readonly string _region;
    private readonly string _service;
    private readonly bool _encodePathTwice;

    // encodePathTwice false signs the wire path as it is, as S3 does and as a naive signer would: the Lambda API refuses that.
    public SigV4Verifier(string accessKey, string secretKey, string region, string service, bool encodePathTwice = true)
    {
        _encodePathTwice = encodePathTwice;
        _accessKey = accessKey;
        _secretKey = secretKey;
        _region = region;
        _service = service;
    }

    /// <summary>Why the signature is wrong, or <see langword="null"/> when it is right.</summary>
    public string? FindProblem(RecordedRequest request)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return "no AWS4-HMAC-SHA256 Authorization header";
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var amzDate = request.Header("X-Amz-Date");
        if (amzDate is null)
        {
            return "no X-Amz-Date header";
        }

        var date = amzDate[..8];
        var scope = $"{date}/{_region}/{_service}/aws4_request";
        if (parts["Credential"] != $"{_accessKey}/{scope}")
        {
            return $"credential scope {parts["Credential"]} is not {_accessKey}/{scope}";
        }

        var payloadHash = Hex(SHA256.HashData(request.Body));
        if (request.Header("X-Amz-Content-SHA256") is { } claimed && claimed != payloadHash)
        {
            return "X-Amz-Content-SHA256 does not match the body";
        }

        var signedHeaders = parts["SignedHeaders"];
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = request.Header(name) ?? string.Empty;
            canonicalHeaders.Append(name).Append(':').Append(string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        var canonicalRequest = string.Join('\n',
            request.Method,
            _encodePathTwice ? CanonicalPath(request.RawPath) : request.RawPath,
            CanonicalQuery(request.RawQuery),
            canonicalHeaders.ToString(),
            signedHeaders,
            payloadHash);
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + _secretKey), date);
        key = Hmac(key, _region);
        key = Hmac(key, _service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return expected == parts["Signature"] ? null : "the signature does not match the one recomputed from the request";
    }

    /// <summary>Each segment of the wire path (already percent-encoded) is encoded once more: <c>%3A</c> is signed as <c>%253A</c>.</summary>
    private static string CanonicalPath(string rawPath) =>
        string.Join('/', rawPath.Split('/').Select(UriEncode));

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', rawQuery.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Key: UriEncode(Uri.UnescapeDataString(pair[0])), Value: UriEncode(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal).ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => pair.Key + "=" + pair.Value));
    }

    private static string UriEncode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
