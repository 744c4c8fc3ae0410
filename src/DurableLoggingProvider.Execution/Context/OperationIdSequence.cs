using System;
using System.Threading;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// The ids one context claims, in order: position 1, 2, ... under the context's own operation id. The next
/// id, once rule 4 has looked at it, is kept so that claiming it does not hash it again.
/// </summary>
internal sealed class OperationIdSequence(string? parentId)
{
    private int _position;

    /// <summary>The id computed for the next position, as a reference, so that a concurrent reader sees a whole pair or none.</summary>
    private Tuple<int, string>? _next;

    /// <summary>Takes the next position and its id.</summary>
    public (int Position, string Id) ClaimNext()
    {
        var position = Interlocked.Increment(ref _position);
        var id = Volatile.Read(ref _next) is { } next && next.Item1 == position ? next.Item2 : OperationIds.Create(parentId, position);
        return (position, id);
    }

    /// <summary>The id the next claim will take, without taking it.</summary>
    public string PeekNext()
    {
        var position = Volatile.Read(ref _position) + 1;
        if (Volatile.Read(ref _next) is { } next && next.Item1 == position)
        {
            return next.Item2;
        }

        var id = OperationIds.Create(parentId, position);
        Volatile.Write(ref _next, Tuple.Create(position, id));
        return id;
    }
}
