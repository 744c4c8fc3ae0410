using System;
using System.Collections.Generic;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The checks a parsed invocation input must pass beyond its JSON shape: a durable execution ARN,
/// exactly one <c>EXECUTION</c> operation on the first page, unique ids, and every operation as
/// <see cref="OperationRules"/> requires (ids of at most 64 characters, sub-types that belong to their
/// operation's type, step attempts in range). The first problem found, in document order,
/// is thrown as a <see cref="DurableExecutionInputException"/>.
/// </summary>
internal static class InvocationInputValidator
{
    private const string ArnForm = "arn:<partition>:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<executionName>/<invocationId>";
    private const string ExecutionMarker = "/durable-execution/";

    /// <summary>Throws a <see cref="DurableExecutionInputException"/> for the first problem of <paramref name="input"/>.</summary>
    public static void Validate(DurableExecutionInvocationInput input)
    {
        CheckArn(input.DurableExecutionArn);
        CheckOperations(input.InitialExecutionState);
        CheckUpdatedOperationIds(input.UpdatedOperationIds);
    }

    private static void CheckArn(string? arn)
    {
        const string Path = nameof(DurableExecutionInvocationInput.DurableExecutionArn);
        if (string.IsNullOrEmpty(arn))
        {
            throw new DurableExecutionInputException(Path, $"expected a non-empty string, found {FoundJsonValue.Quoted(arn)}.", null);
        }

        if (ArnProblem(arn) is { } problem)
        {
            throw new DurableExecutionInputException(
                Path, $"{FoundJsonValue.Quoted(arn)} is not a durable execution ARN: {problem}; expected {ArnForm}.", null);
        }
    }

    private static string? ArnProblem(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return "it does not start with \"arn:\"";
        }

        var marker = arn.IndexOf(ExecutionMarker, StringComparison.Ordinal);
        if (marker < 0)
        {
            return $"it has no \"{ExecutionMarker}\"";
        }

        if (marker + ExecutionMarker.Length == arn.Length)
        {
            return $"nothing follows \"{ExecutionMarker}\"";
        }

        // arn : partition : lambda : region : account : function : name [: version]
        var function = arn[..marker].Split(':');
        if (function.Length < 3 || function[2] != "lambda")
        {
            return "it is not a Lambda ARN (no \":lambda:\" after the partition)";
        }

        if (function.Length < 7 || function[5] != "function")
        {
            return "it names no function (no \":function:<name>\" after the account)";
        }

        if (function.Length > 8 || Array.Exists(function, part => part.Length == 0))
        {
            return "its function part is not <partition>:lambda:<region>:<account>:function:<name>:<version>";
        }

        return null;
    }

    private static void CheckOperations(ExecutionStatePage? page)
    {
        const string StatePath = nameof(DurableExecutionInvocationInput.InitialExecutionState);
        if (page is null)
        {
            throw new DurableExecutionInputException(
                StatePath, "missing; every invocation carries the execution state, with its operation of Type EXECUTION.", null);
        }

        var listPath = WireJsonPath.Property(StatePath, nameof(ExecutionStatePage.Operations));
        if (page.Operations is null)
        {
            throw new DurableExecutionInputException(listPath, "expected an array of operations, found null.", null);
        }

        var seen = new HashSet<string>(page.Operations.Count, StringComparer.Ordinal);
        var execution = -1;
        for (var i = 0; i < page.Operations.Count; i++)
        {
            var operation = page.Operations[i];
            ThrowIf(OperationRules.CheckId(operation, listPath, i));
            CheckUnique(page.Operations, listPath, seen, i);
            ThrowIf(OperationRules.CheckContent(operation, listPath, i));
            if (operation.Type == OperationType.Execution)
            {
                if (execution >= 0)
                {
                    throw new DurableExecutionInputException(
                        WireJsonPath.Property(WireJsonPath.Item(listPath, i), nameof(Operation.Type)),
                        $"a second operation of Type EXECUTION (the first is {WireJsonPath.Item(listPath, execution)}); an execution has exactly one.",
                        null);
                }

                execution = i;
            }
        }

        if (execution < 0)
        {
            throw new DurableExecutionInputException(
                listPath,
                "no operation of Type EXECUTION on the first page; every invocation carries one, whose ExecutionDetails.InputPayload is the execution's input.",
                null);
        }
    }

    private static void ThrowIf(FieldProblem? problem)
    {
        if (problem is { } found)
        {
            throw new DurableExecutionInputException(found.FieldPath, found.Problem, null);
        }
    }

    /// <summary>Throws if the id at <paramref name="index"/> was seen before; only then is the first found, by looking back.</summary>
    private static void CheckUnique(List<Operation> operations, string listPath, HashSet<string> seen, int index)
    {
        var id = operations[index].Id;
        if (seen.Add(id))
        {
            return;
        }

        var first = 0;
        while (!string.Equals(operations[first].Id, id, StringComparison.Ordinal))
        {
            first++;
        }

        throw new DurableExecutionInputException(
            WireJsonPath.Property(WireJsonPath.Item(listPath, index), nameof(Operation.Id)),
            $"duplicate operation id {FoundJsonValue.Quoted(id)}, already the id of {WireJsonPath.Item(listPath, first)}.",
            null);
    }

    private static void CheckUpdatedOperationIds(List<string>? ids)
    {
        if (ids is null)
        {
            return;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is null)
            {
                throw new DurableExecutionInputException(
                    WireJsonPath.Item(nameof(DurableExecutionInvocationInput.UpdatedOperationIds), i), "expected a string, found null.", null);
            }
        }
    }
}
