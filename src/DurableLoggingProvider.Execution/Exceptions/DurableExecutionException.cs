using System;

namespace DurableLoggingProvider.Execution;

/// <summary>The base of the exceptions the durable engine throws into workflow code.</summary>
public class DurableExecutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DurableExecutionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DurableExecutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DurableExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
