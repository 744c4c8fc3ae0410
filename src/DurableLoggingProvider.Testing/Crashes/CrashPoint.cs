using System;
using System.Globalization;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Testing;

/// <summary>
/// Where the local runner crashes an invocation on purpose (<see cref="LocalRunnerOptions.CrashAt"/>): at the
/// checkpoint call that carries an update of an operation, named by its name or its id, and optionally of
/// one action (<c>START</c>, <c>SUCCEED</c>…). It fires once in a run: in the first invocation that makes such
/// a call, or only in <see cref="Invocation"/> when set.
/// </summary>
/// <remarks>
/// The engine sends the updates of several operations in one call when they are ready together (a step that
/// runs at least once sends its <c>START</c> with its <c>SUCCEED</c>), and a crash takes the whole call. Once the
/// invocation has crashed, every later checkpoint call it makes fails too, as a dead process makes none.
/// </remarks>
/// <example>
/// <code>
/// // The step's success reaches the service, then the invocation dies before the next checkpoint.
/// CrashAt = { CrashPoint.After("charge-payment", OperationAction.Succeed) }
/// </code>
/// </example>
public sealed class CrashPoint
{
    /// <summary>The operation's name, as the workflow gave it; <see langword="null"/> to match by <see cref="OperationId"/> alone.</summary>
    public string? OperationName { get; init; }

    /// <summary>The operation's id; <see langword="null"/> to match by <see cref="OperationName"/> alone.</summary>
    public string? OperationId { get; init; }

    /// <summary>The update's action; <see langword="null"/> for any update of the operation.</summary>
    public OperationAction? Action { get; init; }

    /// <summary>Before the call reaches the service, or after the service applied it. Default: before.</summary>
    public CrashMoment Moment { get; init; }

    /// <summary>The invocation (from 1) to crash; <see langword="null"/> for the first one that makes the call.</summary>
    public int? Invocation { get; init; }

    /// <summary>A crash before the call that carries the named operation's <paramref name="action"/> update reaches the service.</summary>
    /// <param name="operationName">The operation's name.</param>
    /// <param name="action">The update's action; <see langword="null"/> for its first update of any action.</param>
    /// <returns>The crash point.</returns>
    public static CrashPoint Before(string operationName, OperationAction? action = null) =>
        new() { OperationName = operationName, Action = action, Moment = CrashMoment.BeforeCheckpoint };

    /// <summary>A crash after the service applied the call that carries the named operation's <paramref name="action"/> update.</summary>
    /// <param name="operationName">The operation's name.</param>
    /// <param name="action">The update's action; <see langword="null"/> for its first update of any action.</param>
    /// <returns>The crash point.</returns>
    public static CrashPoint After(string operationName, OperationAction? action = null) =>
        new() { OperationName = operationName, Action = action, Moment = CrashMoment.AfterCheckpoint };

    /// <inheritdoc />
    public override string ToString()
    {
        var operation = (OperationName, OperationId) switch
        {
            ({ } name, { } id) => $"'{name}' ({id})",
            ({ } name, null) => $"'{name}'",
            (null, { } id) => id,
            _ => "(no operation)",
        };
        var action = Action is { } a ? $" {a.ToString().ToUpperInvariant()}" : string.Empty;
        var moment = Moment == CrashMoment.AfterCheckpoint ? "after" : "before";
        var invocation = Invocation is { } n ? string.Create(CultureInfo.InvariantCulture, $" in invocation {n}") : string.Empty;
        return $"{moment} the checkpoint of {operation}{action}{invocation}";
    }

    /// <summary>Refuses a crash point that names no operation, or an invocation before the first.</summary>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(OperationName) && string.IsNullOrEmpty(OperationId))
        {
            throw new ArgumentException("A CrashPoint in LocalRunnerOptions.CrashAt names no operation: set its OperationName or OperationId (or use CrashPoint.Before or CrashPoint.After).");
        }

        if (Invocation is < 1)
        {
            throw new ArgumentException($"A CrashPoint in LocalRunnerOptions.CrashAt aims at invocation {Invocation}; invocations are numbered from 1.");
        }
    }
}
