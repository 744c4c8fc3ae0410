using System;

namespace DurableLoggingProvider;

/// <summary>
/// Ends what a <see cref="DurableLogContext"/> call began: disposing it restores the ambient context
/// that was current before. Dispose scopes in the reverse order they were begun.
/// </summary>
public readonly struct DurableLogContextScope : IDisposable
{
    private readonly AmbientFrame? _previous;
    private readonly bool _begun;

    internal DurableLogContextScope(AmbientFrame? previous)
    {
        _previous = previous;
        _begun = true;
    }

    /// <summary>Restores the ambient context that was current when this scope began.</summary>
    public void Dispose()
    {
        if (_begun)
        {
            DurableLogContext.Restore(_previous);
        }
    }
}
