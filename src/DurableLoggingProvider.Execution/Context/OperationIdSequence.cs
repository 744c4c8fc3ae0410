using System;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The ids one context claims, in order: position 1, 2, ... under the context's own operation id. Each id
/// is looked up in the state as it is derived, and made a string only when the state has no operation with
/// it: a checkpointed operation's own id serves otherwise. The next id, once rule 4 has looked at it, is
/// kept so that claiming it does not hash it again.
/// </summary>
internal sealed class OperationIdSequence(string? parentId)
{
    /// <summary>Keeps the position and the kept id together, so that a concurrent reader sees a whole pair, without allocating one per id.</summary>
    private readonly object _lock = new();
    private int _position;
    private int _keptPosition;
    private string? _keptId;

    /// <summary>Takes the next position and its id, and the operation <paramref name="state"/> holds with that id.</summary>
    public (int Position, string Id) ClaimNext(CheckpointState state, out Operation? existing)
    {
        int position;
        string? kept;
        lock (_lock)
        {
            position = ++_position;
            kept = _keptPosition == position ? _keptId : null;
        }

        if (kept is not null)
        {
            existing = state.Get(kept);
            return (position, kept);
        }

        return (position, Find(state, position, out existing));
    }

    /// <summary>The id the next claim will take, without taking it, and the operation <paramref name="state"/> holds with that id.</summary>
    public string PeekNext(CheckpointState state, out Operation? existing)
    {
        int position;
        lock (_lock)
        {
            position = _position + 1;
            if (_keptPosition == position)
            {
                existing = state.Get(_keptId!);
                return _keptId!;
            }
        }

        var id = Find(state, position, out existing);
        lock (_lock)
        {
            if (_position + 1 == position)
            {
                _keptPosition = position;
                _keptId = id;
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
