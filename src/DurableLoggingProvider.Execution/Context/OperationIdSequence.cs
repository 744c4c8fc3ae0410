namespace DurableLoggingProvider.Execution;

/// <summary>
/// The ids one context claims, in order: position 1, 2, ... under the context's own operation id. The next
/// id, once rule 4 has looked at it, is kept so that claiming it does not hash it again.
/// </summary>
internal sealed class OperationIdSequence(string? parentId)
{
    /// <summary>Keeps the position and the kept id together, so that a concurrent reader sees a whole pair, without allocating one per id.</summary>
    private readonly object _lock = new();
    private int _position;
    private int _keptPosition;
    private string? _keptId;

    /// <summary>Takes the next position and its id.</summary>
    public (int Position, string Id) ClaimNext()
    {
        int position;
        string? kept;
        lock (_lock)
        {
            position = ++_position;
            kept = _keptPosition == position ? _keptId : null;
        }

        return (position, kept ?? OperationIds.Create(parentId, position));
    }

    /// <summary>The id the next claim will take, without taking it.</summary>
    public string PeekNext()
    {
        int position;
        lock (_lock)
        {
            position = _position + 1;
            if (_keptPosition == position)
            {
                return _keptId!;
            }
        }

        var id = OperationIds.Create(parentId, position);
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
}
