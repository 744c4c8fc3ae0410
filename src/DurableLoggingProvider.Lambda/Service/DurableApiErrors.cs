using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// Reads the API's error answers (the type from <c>x-amzn-errortype</c>, or <c>__type</c>/<c>code</c> in the
/// body; the message from <c>message</c>/<c>Message</c>), decides which are retried, and says what to do about
/// the ones that are not.
/// </summary>
internal static class DurableApiErrors
{
    private const string ErrorTypeHeader = "x-amzn-errortype";

    private static readonly HashSet<string> s_credentialErrors = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignatureException",
        "MissingAuthenticationTokenException", "ExpiredTokenException", "InvalidClientTokenId", "InvalidAccessKeyId",
    };

    public static ServiceError Read(HttpResponseMessage response, string body)
    {
        string? type = null;
        if (response.Headers.TryGetValues(ErrorTypeHeader, out var values))
        {
            type = values.FirstOrDefault();
        }

        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                type ??= StringMember(document.RootElement, "__type") ?? StringMember(document.RootElement, "code");
                message = StringMember(document.RootElement, "message") ?? StringMember(document.RootElement, "Message");
            }
        }
        catch (JsonException)
        {
            // Not the API's JSON (a proxy's page, say): the status code is all there is.
        }

        return new ServiceError(response.StatusCode, ShortType(type), message);
    }

    /// <summary>Throttling and the service's own failures are retried; KMS errors, though 502, are the function's configuration and are not.</summary>
    public static bool IsTransient(ServiceError error) =>
        error.StatusCode == HttpStatusCode.TooManyRequests
        || error.Type == "TooManyRequestsException"
        || ((int)error.StatusCode >= 500 && !IsKmsError(error));

    /// <summary>What to do, in a sentence or two, for an error of <paramref name="operation"/>.</summary>
    public static string Advice(string operation, ServiceError error)
    {
        var type = error.Type ?? string.Empty;
        if (type == "InvalidParameterValueException" && (error.Message ?? string.Empty).Contains("checkpoint token", StringComparison.OrdinalIgnoreCase))
        {
            return "The checkpoint token is stale or not this execution's: another invocation of the execution checkpointed since this one began, " +
                "or the token did not come from this invocation's input. This invocation ends; Lambda invokes the execution again with a fresh token.";
        }

        if (type == "InvalidParameterValueException")
        {
            return "The service refused a parameter of the request (an update that does not fit the operation's state, or a value out of range). " +
                "This is not a configuration problem: report it with the message above and the execution's history.";
        }

        if (type == "AccessDeniedException" || error.StatusCode == HttpStatusCode.Forbidden && !s_credentialErrors.Contains(type))
        {
            return $"The function's execution role may not call {operation}: allow the IAM action lambda:{operation} " +
                "(with lambda:CheckpointDurableExecution and lambda:GetDurableExecutionState both needed) on the function's ARN in the role's policy.";
        }

        if (s_credentialErrors.Contains(type))
        {
            return "The request's credentials or signature were refused: check the credentials AWSSDK.Core's default chain found " +
                "(in Lambda, the execution role's AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN), that AWS_REGION is the function's region, " +
                "and that the endpoint (AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL) is the Lambda API's.";
        }

        if (IsKmsError(error))
        {
            return KmsAdvice(type);
        }

        if (error.StatusCode == HttpStatusCode.NotFound || type == "ResourceNotFoundException")
        {
            return "The durable execution or the API path was not found: check that the function is configured as a durable function, " +
                "that the ARN is the invocation input's DurableExecutionArn, and that the endpoint is the Lambda API of the function's region.";
        }

        if (IsTransient(error))
        {
            return "The service was throttling or failing; the call was retried with backoff as long as the invocation's time allowed. " +
                "This invocation ends with an error and Lambda invokes the execution again from its last checkpoint.";
        }

        return "The service refused the request; its error type and message above say why.";
    }

    /// <summary>The advice when no answer came at all.</summary>
    public static string NetworkAdvice(Uri endpoint) =>
        $"No answer came from {endpoint.GetLeftPart(UriPartial.Authority)}: check the function's network (a function in a VPC needs a NAT gateway " +
        "or an interface VPC endpoint for Lambda) and AWS_ENDPOINT_URL_LAMBDA / AWS_ENDPOINT_URL if set. " +
        "This invocation ends with an error and Lambda invokes the execution again from its last checkpoint.";

    private static bool IsKmsError(ServiceError error) => error.Type?.StartsWith("KMS", StringComparison.Ordinal) == true;

    private static string KmsAdvice(string type) => type switch
    {
        "KMSAccessDeniedException" => "Lambda could not use the function's KMS key: allow the execution role kms:Decrypt on the key, or check the key's policy.",
        "KMSDisabledException" => "The function's KMS key is disabled: enable it, or configure the function with another key.",
        "KMSInvalidStateException" => "The function's KMS key is in a state that cannot decrypt (pending deletion or import): check the key in KMS.",
        "KMSNotFoundException" => "The function's KMS key does not exist: configure the function with an existing key, or none.",
        _ => "Lambda could not use the function's KMS key: check the key and the execution role's permissions on it.",
    };

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // "com.amazonaws.lambda#TooManyRequestsException" and "TooManyRequestsException:http://internal.amazon.com/…" name the same error.
    private static string? ShortType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }

        var hash = type.LastIndexOf('#');
        return (hash >= 0 ? type[(hash + 1)..] : type).Trim();
    }
}
