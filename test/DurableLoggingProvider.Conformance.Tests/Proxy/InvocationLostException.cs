using System;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>The invocation was given up on purpose (a crash, a timeout): every later call of it fails with this.</summary>
internal sealed class InvocationLostException : Exception
{
    public InvocationLostException()
    {
    }

    public InvocationLostException(string message)
        : base(message)
    {
    }

    public InvocationLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
