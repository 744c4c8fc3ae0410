using System;

namespace DurableLoggingProvider.Testing;

/// <summary>The in-memory service refused a checkpoint update the real service would refuse too: the message names the action, the operation's type and status.</summary>
public sealed class InvalidCheckpointException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InvalidCheckpointException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidCheckpointException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidCheckpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
