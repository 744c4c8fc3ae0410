using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DurableLoggingProvider.Lambda.Tests;

/// <summary>
/// The two operations' request shapes from the API model (npm <c>@aws-sdk/client-lambda</c> 3.1164.0): the REST
/// paths, the query of <c>GetDurableExecutionState</c>, and the members of <c>CheckpointDurableExecutionRequest</c>
/// and <c>OperationUpdate</c>. A request that does not fit is listed with the reason.
/// </summary>
internal static partial class DurableApiShapes
{
    public const string CheckpointOperation = "CheckpointDurableExecution";
    public const string StateOperation = "GetDurableExecutionState";

    private static readonly string[] s_checkpointMembers = ["CheckpointToken", "Updates", "ClientToken"];
    private static readonly string[] s_updateMembers =
        ["Id", "ParentId", "Name", "Type", "SubType", "Action", "Payload", "Error", "ContextOptions", "StepOptions", "WaitOptions", "CallbackOptions", "ChainedInvokeOptions"];
    private static readonly string[] s_types = ["EXECUTION", "CONTEXT", "STEP", "WAIT", "CALLBACK", "CHAINED_INVOKE"];
    private static readonly string[] s_actions = ["START", "SUCCEED", "FAIL", "RETRY", "CANCEL"];
    private static readonly string[] s_stateQuery = ["CheckpointToken", "Marker", "MaxItems"];

    /// <summary>Which operation the request calls, its ARN (decoded from the path), and what is wrong with it.</summary>
    public static (string? Operation, string? Arn, List<string> Problems) Check(RecordedRequest request)
    {
        var problems = new List<string>();
        var match = PathPattern().Match(request.RawPath);
        if (!match.Success)
        {
            problems.Add($"path {request.RawPath} is neither operation's");
            return (null, null, problems);
        }

        var encodedArn = match.Groups["arn"].Value;
        if (encodedArn.Contains(':', StringComparison.Ordinal))
        {
            problems.Add($"the ARN in the path is not percent-encoded: {encodedArn}");
        }

        var arn = Uri.UnescapeDataString(encodedArn);
        var operation = match.Groups["op"].Value == "checkpoint" ? CheckpointOperation : StateOperation;
        if (operation == CheckpointOperation)
        {
            Expect(request.Method == "POST", $"{operation} must be POST, was {request.Method}", problems);
            Expect(request.RawQuery.Length == 0, "a checkpoint has no query", problems);
            CheckCheckpointBody(request, problems);
        }
        else
        {
            Expect(request.Method == "GET", $"{operation} must be GET, was {request.Method}", problems);
            Expect(request.Body.Length == 0, "GetDurableExecutionState has no body", problems);
            var query = request.Query();
            Expect(query.Keys.All(s_stateQuery.Contains), $"unknown query parameters: {string.Join(',', query.Keys)}", problems);
            Expect(query.TryGetValue("CheckpointToken", out var token) && token.Length > 0, "CheckpointToken is required in the query", problems);
            Expect(!query.TryGetValue("MaxItems", out var max) || (int.TryParse(max, out var n) && n is >= 0 and <= 1000), "MaxItems must be an integer from 0 to 1000", problems);
        }

        return (operation, arn, problems);
    }

    private static void CheckCheckpointBody(RecordedRequest request, List<string> problems)
    {
        JsonObject body;
        try
        {
            body = request.BodyJson;
        }
        catch (JsonException exception)
        {
            problems.Add("the body is not JSON: " + exception.Message);
            return;
        }

        Expect(body.Select(member => member.Key).All(s_checkpointMembers.Contains), $"unknown members: {string.Join(',', body.Select(m => m.Key))}", problems);
        Expect(body["CheckpointToken"] is JsonValue token && token.GetValueKind() == JsonValueKind.String, "CheckpointToken (string) is required", problems);
        Expect(body["ClientToken"] is null || body["ClientToken"]!.GetValueKind() == JsonValueKind.String, "ClientToken must be a string", problems);
        if (body["Updates"] is not JsonArray updates)
        {
            Expect(body["Updates"] is null, "Updates must be an array", problems);
            return;
        }

        foreach (var update in updates.OfType<JsonObject>())
        {
            Expect(update.Select(member => member.Key).All(s_updateMembers.Contains), $"unknown update members: {string.Join(',', update.Select(m => m.Key))}", problems);
            Expect(update["Id"]?.GetValueKind() == JsonValueKind.String, "an update needs Id", problems);
            Expect(update["Type"] is JsonValue type && s_types.Contains(type.GetValue<string>()), $"update Type {update["Type"]} is not an OperationType", problems);
            Expect(update["Action"] is JsonValue action && s_actions.Contains(action.GetValue<string>()), $"update Action {update["Action"]} is not an OperationAction", problems);
        }
    }

    private static void Expect(bool condition, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    [GeneratedRegex("^/2025-12-01/durable-executions/(?<arn>[^/]+)/(?<op>checkpoint|state)$")]
    private static partial Regex PathPattern();
}
