using System;

namespace DurableLoggingProvider;

/// <summary>
/// One durable context (the root, a child context, a map item or a parallel branch) as the replay gate
/// sees it: the execution it belongs to, its parent, and whether its code is replaying work that an
/// earlier invocation already did.
/// </summary>
/// <remarks>
/// A durable runtime creates one per context, enters it with
/// <see cref="DurableLogContext.EnterContext(DurableContextState)"/>, and calls <see cref="GoLive"/> when
/// the context's code gets past the point where the previous invocation stopped. The status only ever
/// moves from replaying to live. Reading it takes no lock, so every logger in the process can consult
/// it on each call.
/// </remarks>
public sealed class DurableContextState
{
    private volatile bool _isReplaying;

    /// <summary>Creates the state of a durable context.</summary>
    /// <param name="executionArn">The durable execution's ARN; the same for every invocation of one execution.</param>
    /// <param name="isReplaying">Whether the context starts by replaying checkpointed work.</param>
    /// <param name="parentId">The id of the enclosing <c>CONTEXT</c> operation; <see langword="null"/> at the root.</param>
    /// <param name="replayMode">
    /// This execution's replay mode, overriding <see cref="DurableLoggerOptions.ReplayMode"/>;
    /// <see langword="null"/> to follow the configuration.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="executionArn"/> is null or empty, or <paramref name="replayMode"/> is not defined.</exception>
    public DurableContextState(string executionArn, bool isReplaying, string? parentId = null, ReplayMode? replayMode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionArn);
        if (replayMode is { } mode && !Enum.IsDefined(mode))
        {
            throw new ArgumentException($"Replay mode {(int)mode} is not one of Suppress, Emit, Mark.", nameof(replayMode));
        }

        ExecutionArn = executionArn;
        ParentId = parentId;
        ReplayMode = replayMode;
        _isReplaying = isReplaying;
    }

    /// <summary>The durable execution's ARN.</summary>
    public string ExecutionArn { get; }

    /// <summary>The id of the enclosing <c>CONTEXT</c> operation, or <see langword="null"/> at the root.</summary>
    public string? ParentId { get; }

    /// <summary>This execution's replay mode, or <see langword="null"/> to follow the configuration.</summary>
    public ReplayMode? ReplayMode { get; }

    /// <summary>Whether the context's code is replaying checkpointed work.</summary>
    public bool IsReplaying => _isReplaying;

    /// <summary>Marks the context live: its code has reached new work. Cannot be undone.</summary>
    public void GoLive() => _isReplaying = false;

    /// <summary>
    /// Creates the state of a child context that starts with this context's status at this moment, in
    /// the same execution and replay mode.
    /// </summary>
    /// <param name="parentId">The child context's own operation id, which its lines carry as <c>parentId</c>.</param>
    public DurableContextState CreateChild(string parentId) => CreateChild(parentId, _isReplaying);

    /// <summary>Creates the state of a child context with the given status, in the same execution and replay mode.</summary>
    /// <param name="parentId">The child context's own operation id, which its lines carry as <c>parentId</c>.</param>
    /// <param name="isReplaying">Whether the child starts by replaying.</param>
    public DurableContextState CreateChild(string parentId, bool isReplaying)
    {
        ArgumentException.ThrowIfNullOrEmpty(parentId);
        return new DurableContextState(ExecutionArn, isReplaying, parentId, ReplayMode);
    }
}
