using System;
using System.Globalization;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// What every operation the engine takes in must be, wherever it comes from (the invocation input, a
/// page of state, a checkpoint's answer): an object, an id of 1 to 64 characters, a defined type and
/// status, a sub-type of its type, a step attempt from 0 to <see cref="MaxStepAttempt"/>, timestamps a
/// <see cref="DateTimeOffset"/> can hold. The one place these are checked, so the parser and the state
/// pager cannot disagree; each check returns the first problem, or <see langword="null"/>.
/// </summary>
internal static class OperationRules
{
    /// <summary>The most characters an operation id may have.</summary>
    public const int MaxOperationIdLength = 64;

    /// <summary>
    /// The largest <c>StepDetails.Attempt</c> taken in. An execution lasts at most 31,622,400 seconds
    /// (Lambda's <c>ExecutionTimeout</c> maximum, the longest wait too), and every retry waits at least
    /// one second, so no real history counts more failed attempts; and the 1-based attempt shown to code,
    /// <c>Attempt + 1</c>, then always fits an <see cref="int"/>.
    /// </summary>
    public const int MaxStepAttempt = 31_622_400;

    private static readonly string s_allowedSubTypes = string.Join(", ",
        OperationSubTypes.Step,
        OperationSubTypes.WaitForCondition,
        OperationSubTypes.Wait,
        OperationSubTypes.Callback,
        OperationSubTypes.ChainedInvoke,
        OperationSubTypes.RunInChildContext,
        OperationSubTypes.Map,
        OperationSubTypes.MapIteration,
        OperationSubTypes.Parallel,
        OperationSubTypes.ParallelBranch,
        OperationSubTypes.WaitForCallback);

    /// <summary>
    /// The first problem of the id of the operation at item <paramref name="index"/> of the list at
    /// <paramref name="listPath"/>. Paths are spelled only for a problem: a valid operation costs no string.
    /// </summary>
    public static FieldProblem? CheckId(Operation? operation, string listPath, int index)
    {
        if (operation is null)
        {
            return new FieldProblem(WireJsonPath.Item(listPath, index), "expected an Operation object, found null.");
        }

        var id = operation.Id;
        if (string.IsNullOrEmpty(id))
        {
            return new FieldProblem(PathOf(listPath, index, nameof(Operation.Id)), $"expected a non-empty string, found {FoundJsonValue.Quoted(id)}.");
        }

        return id.Length > MaxOperationIdLength
            ? new FieldProblem(
                PathOf(listPath, index, nameof(Operation.Id)),
                string.Create(CultureInfo.InvariantCulture, $"{FoundJsonValue.Quoted(id)} is {id.Length} characters long; an operation id has at most {MaxOperationIdLength}."))
            : null;
    }

    /// <summary>The first problem of the rest of an operation whose id passed <see cref="CheckId"/>.</summary>
    public static FieldProblem? CheckContent(Operation operation, string listPath, int index)
    {
        if (!Enum.IsDefined(operation.Type))
        {
            return new FieldProblem(
                PathOf(listPath, index, nameof(Operation.Type)),
                $"{WireEnumConverter<OperationType>.WireName(operation.Type)} is not an operation type; expected one of {WireEnumConverter<OperationType>.AllowedWireNames}.");
        }

        if (!Enum.IsDefined(operation.Status))
        {
            return new FieldProblem(
                PathOf(listPath, index, nameof(Operation.Status)),
                $"{WireEnumConverter<OperationStatus>.WireName(operation.Status)} is not an operation status; expected one of {WireEnumConverter<OperationStatus>.AllowedWireNames}.");
        }

        return CheckSubType(operation, listPath, index) ?? CheckAttempt(operation, listPath, index) ?? CheckTimestamps(operation, listPath, index);
    }

    private static string PathOf(string listPath, int index, string name) => WireJsonPath.Property(WireJsonPath.Item(listPath, index), name);

    private static string PathOf(string listPath, int index, string details, string name) => WireJsonPath.Property(PathOf(listPath, index, details), name);

    private static FieldProblem? CheckSubType(Operation operation, string listPath, int index)
    {
        if (operation.SubType is not { } subType)
        {
            return null;
        }

        if (OperationSubTypes.TypeOf(subType) is not { } owner)
        {
            return new FieldProblem(
                PathOf(listPath, index, nameof(Operation.SubType)), $"{FoundJsonValue.Quoted(subType)} is not a known sub-type; expected one of {s_allowedSubTypes} (case-sensitive).");
        }

        return owner == operation.Type
            ? null
            : new FieldProblem(
                PathOf(listPath, index, nameof(Operation.SubType)),
                $"sub-type {FoundJsonValue.Quoted(subType)} belongs to operations of Type {WireEnumConverter<OperationType>.WireName(owner)}, but this operation's Type is {WireEnumConverter<OperationType>.WireName(operation.Type)}.");
    }

    private static FieldProblem? CheckAttempt(Operation operation, string listPath, int index) =>
        operation.StepDetails?.Attempt is { } attempt && attempt is < 0 or > MaxStepAttempt
            ? new FieldProblem(
                PathOf(listPath, index, nameof(Operation.StepDetails), nameof(StepDetails.Attempt)),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{attempt} is out of range: Attempt counts a step's failed attempts, from 0 to {MaxStepAttempt} (an execution lasts at most {MaxStepAttempt} seconds and a retry waits at least one)."))
            : null;

    private static FieldProblem? CheckTimestamps(Operation operation, string listPath, int index) =>
        CheckTimestamp(operation.StartTimestamp, listPath, index, null, nameof(Operation.StartTimestamp))
        ?? CheckTimestamp(operation.EndTimestamp, listPath, index, null, nameof(Operation.EndTimestamp))
        ?? CheckTimestamp(operation.StepDetails?.NextAttemptTimestamp, listPath, index, nameof(Operation.StepDetails), nameof(StepDetails.NextAttemptTimestamp))
        ?? CheckTimestamp(operation.WaitDetails?.ScheduledEndTimestamp, listPath, index, nameof(Operation.WaitDetails), nameof(WaitDetails.ScheduledEndTimestamp));

    // Parsed timestamps are in range already; these catch operations a client built in code.
    private static FieldProblem? CheckTimestamp(long? milliseconds, string listPath, int index, string? details, string name) =>
        milliseconds is { } value && !EpochMillisecondsConverter.IsInRange(value)
            ? new FieldProblem(
                details is null ? PathOf(listPath, index, name) : PathOf(listPath, index, details, name),
                string.Create(CultureInfo.InvariantCulture, $"{value} is out of range: expected {EpochMillisecondsConverter.Expected}."))
            : null;
}
