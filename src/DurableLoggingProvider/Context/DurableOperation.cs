using System;

namespace DurableLoggingProvider;

/// <summary>The durable operation whose body is running: the lines it writes carry its id, name and attempt.</summary>
public sealed class DurableOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="id">The operation's id, as checkpointed.</param>
    /// <param name="name">The user's name for the operation, if any.</param>
    /// <param name="attempt">The 1-based attempt of a step's body; <see langword="null"/> where attempts do not apply.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is less than 1.</exception>
    public DurableOperation(string id, string? name = null, int? attempt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (attempt is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "Attempts are numbered from 1.");
        }

        Id = id;
        Name = name;
        Attempt = attempt;
    }

    /// <summary>The operation's id.</summary>
    public string Id { get; }

    /// <summary>The user's name for the operation.</summary>
    public string? Name { get; }

    /// <summary>The 1-based attempt, for the body of a step.</summary>
    public int? Attempt { get; }
}
