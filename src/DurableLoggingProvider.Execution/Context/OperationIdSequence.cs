using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The ids one context claims, in order: position 1, 2, ... under the context's own operation id. Each id
/// is looked up in the state as it is derived, and made a string only when the state has no operation with
/// it: a checkpointed operation's own id serves otherwise. The next id, once rule 4 has looked at it, is
/// kept with what the look found, so that claiming it neither hashes it nor looks it up again while the
/// state has not changed (<see cref="CheckpointState.Version"/>).
/// </summary>
internal sealed class OperationIdSequence(string? parentId)
{
    /// <summary>Keeps the position and the kept id together, so that a concurrent reader sees a whole pair, without allocating one per id.</summary>
    private readonly object _lock = new();
    private int _position;
    private int _keptPosition;
    private string? _keptId;
    private Operation? _keptExisting;
    private int _keptVersion;

    /// <summary>Takes the next position and its id, and the operation <paramref name="state"/> holds with that id.</summary>
    public (int Position, string Id) ClaimNext(CheckpointState state, out Operation? existing)
    {
        int position;
        string? kept = null;
        Operation? keptExisting = null;
        var keptVersion = 0;
        lock (_lock)
        {
            position = ++_position;
            if (_keptPosition == position)
            {
                (kept, keptExisting, keptVersion) = (_keptId, _keptExisting, _keptVersion);
            }
        }

        if (kept is not null)
        {
            existing = state.Version == keptVersion ? keptExisting : state.Get(kept);
            return (position, kept);
        }

        return (position, Find(state, position, out existing));
    }

    /// <summary>The id the next claim will take, without taking it, and the operation <paramref name="state"/> holds with that id.</summary>
    public string PeekNext(CheckpointState state, out Operation? existing)
    {
        int position;
        string? kept = null;
        lock (_lock)
        {
            position = _position + 1;
            if (_keptPosition == position)
            {
                kept = _keptId;
            }
        }

        if (kept is not null)
        {
            existing = state.Get(kept);
            return kept;
        }

        // Read before the look: a merge during it moves the version, and the claim then looks again.
        var version = state.Version;
        var id = Find(state, position, out existing);
        lock (_lock)
        {
            if (_position + 1 == position)
            {
                (_keptPosition, _keptId, _keptExisting, _keptVersion) = (position, id, existing, version);
            }
        }

        return id;
    }

    /// <summary>Derives the id at <paramref name="position"/> and looks it up: the found operation's id, or a new string.</summary>
    private string Find(CheckpointState state, int position, out Operation? existing)
    {
        Span<char> hex = stackalloc char[OperationIds.HexLength];
        OperationIds.Write(parentId, position, hex);
        existing = state.Get(hex);
        return existing?.Id ?? new string(hex);
    }
}
